import type {
  DeliveryRecord,
  FeedRecord,
  IngestTokenRecord,
  SessionRecord,
  StoryRecord,
  UserRecord,
} from "@/db/schema";
import type { Role } from "../contract/auth";
import type { StoryState } from "../contract/story";
import type { NormalizedStory, RecordedItem } from "../ingest/normalized-story";
import type { DeskStore } from "./desk-store";
import type { QueueStore } from "./queue-store";
import type { UserDataStore } from "./user-data-store";

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
  /** Stories that changed (as the queue lists them), with the change-log seq of their change, in seq order. */
  changed: { seq: number; story: StorySummaryRecord }[];
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
  excludeLanguages?: string[];
  /** Stories with at least one of these categories. */
  categories?: string[];
  /** Stories with none of these categories. */
  excludeCategories?: string[];
  deskIds?: string[];
  excludeDeskIds?: string[];
  since?: string;
  until?: string;
  /** A query already parsed into the store-neutral query language. */
  query?: SearchQuery;
  /** Keyset cursor without a query: only stories older in queue order than this position. */
  before?: number;
  /** Keyset cursor with a query: only results after this one in search order. */
  searchAfter?: SearchPosition;
  limit: number;
}

/**
 * The store-neutral full-text query: every group of `must` has to match (a group is an OR of terms),
 * and no term of `mustNot` may match.
 */
export interface SearchQuery {
  must: SearchTerm[][];
  mustNot: SearchTerm[];
}

/**
 * One search term in the index's own tokens (letters and digits only, lower or upper case):
 * a word; a phrase (tokens separated by one space, in order); or a prefix (the last token is a prefix).
 */
export interface SearchTerm {
  kind: "word" | "phrase" | "prefix";
  text: string;
}

/**
 * Where a result stands in search order. Results are ranked by relevance within blocks of the newest
 * matches; `top` is the newest queue position of the result's block, so later pages stay in the same
 * block whatever arrives meanwhile.
 */
export interface SearchPosition {
  top: number;
  rank: number;
  position: number;
}

/** A story as the queue lists it: everything but the body and the editor's note. */
export type StorySummaryRecord = Omit<StoryRecord, "bodyHtml" | "bodyText" | "editorNote">;

/** A listed story with its queue position (for cursors) and, when searching, its highlight and search position. */
export interface ListedStory {
  position: number;
  story: StorySummaryRecord;
  /** HTML-safe: the text is escaped and only `<mark>` tags are markup. */
  highlight?: string;
  searchPosition?: SearchPosition;
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
  /** Entries of the change log after `seq` (whoever wrote them), in seq order. */
  listChangeLog(seq: number, limit: number): Promise<{ seq: number; storyId: string }[]>;
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
  touchIngestToken(id: string, lastUsedAt: string): Promise<void>;
  appendAudit(entry: { actorId: string | null; action: string; subject: string | null; detail?: Record<string, unknown> }): Promise<void>;
  listAudit(limit: number): Promise<{ id: number; at: string; actorId: string | null; action: string; subject: string | null; detail: Record<string, unknown> | null }[]>;
}

/** A pull feed as an admin creates it. */
export type NewFeed = Pick<FeedRecord, "id" | "name" | "url" | "intervalSeconds" | "enabled" | "nextPollAt" | "createdAt">;

/** What polling a feed changes on it. */
export type FeedPollState = Pick<
  FeedRecord,
  "etag" | "lastModified" | "lastPolledAt" | "lastStatus" | "lastError" | "lastNewStories" | "lastUpdatedStories" | "failures" | "nextPollAt"
>;

/** Pull feeds and their polling state. */
export interface FeedStore {
  listFeeds(): Promise<FeedRecord[]>;
  getFeed(id: string): Promise<FeedRecord | null>;
  createFeed(feed: NewFeed): Promise<FeedRecord>;
  updateFeed(id: string, patch: Partial<Omit<FeedRecord, "id" | "createdAt">>): Promise<FeedRecord | null>;
  removeFeed(id: string): Promise<boolean>;
  /** Enabled feeds whose next poll is due at `now`, soonest first. */
  listDueFeeds(now: string, limit: number): Promise<FeedRecord[]>;
}

/** The whole storage boundary: services and UI depend on this, never on SQL. */
export interface Store {
  stories: StoryStore;
  accounts: AccountStore;
  queue: QueueStore;
  desks: DeskStore;
  userData: UserDataStore;
  feeds: FeedStore;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type { Role };
