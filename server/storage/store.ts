import type {
  DeliveryRecord,
  IngestTokenRecord,
  SessionRecord,
  StoryRecord,
  UserRecord,
} from "@/db/schema";
import type { Role } from "../contract/auth";
import type { StoryState } from "../contract/story";
import type { NormalizedStory, RecordedItem } from "../ingest/normalized-story";

/** A raw delivery about to be kept verbatim, before parsing. */
export interface NewDelivery {
  channel: "http" | "drop" | "feed" | "demo" | "cli";
  sourceName: string | null;
  raw: Uint8Array;
  sha256: string;
  receivedAt: string;
}

/** What happened to one story of a delivery. */
export type StoryOutcome = "created" | "updated" | "duplicate" | "older";

/** The result of applying a parsed delivery in one transaction. */
export interface AppliedDelivery {
  results: { id: string; guid: string; agencyVersion: number; outcome: StoryOutcome }[];
  /** Stories that changed, with the change-log seq of their change, in seq order. */
  changed: { seq: number; story: StoryRecord }[];
}

/** Queue filters understood by every store. */
export interface StoryFilter {
  agencies?: string[];
  excludeAgencies?: string[];
  states?: StoryState[];
  excludeStates?: StoryState[];
  urgencyMin?: number;
  urgencyMax?: number;
  languages?: string[];
  categories?: string[];
  deskId?: string;
  since?: string;
  until?: string;
  /** A query already parsed into the store-neutral query language. */
  query?: SearchQuery;
  /** Keyset cursor: only stories older in queue order than this position. */
  before?: number;
  limit: number;
}

/** The store-neutral full-text query: all terms must match; each term may be a phrase, prefix or OR group. */
export interface SearchQuery {
  must: SearchTerm[][];
  mustNot: SearchTerm[];
}
export interface SearchTerm {
  kind: "word" | "phrase" | "prefix";
  text: string;
}

/** A listed story with its queue position (for cursors) and an optional highlight. */
export interface ListedStory {
  position: number;
  story: StoryRecord;
  highlight?: string;
}

/** A workflow change, applied only when the story is still at `expectedRev` (if given). */
export interface StoryStateChange {
  id: string;
  to: StoryState;
  from: readonly StoryState[];
  actorId: string;
  takenBy?: string | null;
  expectedRev?: number;
  kind: string;
}

/** Why a state change was refused, or the changed story with its seq. */
export type StateChangeResult =
  | { ok: true; seq: number; story: StoryRecord }
  | { ok: false; reason: "not_found" | "invalid_state" | "stale_rev"; story?: StoryRecord };

/** Stories, deliveries and the change log. Each call is one unit of work. */
export interface StoryStore {
  recordDelivery(delivery: NewDelivery): Promise<{ id: number; repeatOf: number | null }>;
  applyDelivery(deliveryId: number, format: string, stories: NormalizedStory[], recorded: RecordedItem[], receivedAt: string): Promise<AppliedDelivery>;
  failDelivery(deliveryId: number, format: string | null, code: string, message: string): Promise<void>;
  listFailedDeliveries(limit: number): Promise<DeliveryRecord[]>;
  getDeliveryRaw(id: number): Promise<{ record: DeliveryRecord; raw: Uint8Array } | null>;
  listStories(filter: StoryFilter): Promise<ListedStory[]>;
  getStory(id: string): Promise<(StoryRecord & { bodyHtml: string }) | null>;
  listStoryVersions(id: string): Promise<{ agencyVersion: number; receivedAt: string; normalized: NormalizedStory }[]>;
  changeStoryState(change: StoryStateChange): Promise<StateChangeResult>;
  /** Stories changed after `seq`, each once at its latest state, in seq order. */
  listChangedSince(seq: number, limit: number): Promise<{ seq: number; story: StoryRecord }[]>;
  currentSeq(): Promise<number>;
}

/** Users, sessions, ingest tokens and the audit log. */
export interface AccountStore {
  countUsers(): Promise<number>;
  createUser(user: Omit<UserRecord, "createdAt" | "updatedAt">): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  updateUser(id: string, patch: Partial<Pick<UserRecord, "name" | "role" | "active" | "passwordHash">>): Promise<UserRecord | null>;
  createSession(session: Omit<SessionRecord, "revokedAt">): Promise<void>;
  findSession(idHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  revokeSession(idHash: string, at: string): Promise<void>;
  revokeUserSessions(userId: string, at: string): Promise<string[]>;
  createIngestToken(token: Omit<IngestTokenRecord, "revokedAt" | "lastUsedAt">): Promise<void>;
  findIngestToken(tokenHash: string): Promise<IngestTokenRecord | null>;
  listIngestTokens(): Promise<IngestTokenRecord[]>;
  revokeIngestToken(id: string, at: string): Promise<boolean>;
  appendAudit(entry: { actorId: string | null; action: string; subject: string | null; detail?: Record<string, unknown> }): Promise<void>;
  listAudit(limit: number): Promise<{ id: number; at: string; actorId: string | null; action: string; subject: string | null; detail: Record<string, unknown> | null }[]>;
}

/** The whole storage boundary: services and UI depend on this, never on SQL. */
export interface Store {
  stories: StoryStore;
  accounts: AccountStore;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type { Role };
