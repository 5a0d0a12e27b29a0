import type {
  DeliveryRecord,
  FeedRecord,
  IngestTokenRecord,
  SessionRecord,
  StoryRecord,
  UserRecord,
} from "@/db/schema";
import type { Role, UserSettings } from "../contract/auth";
import type { StoryState } from "../contract/story";
import type { NormalizedStory, RecordedItem } from "../domain/normalized-story";
import type { DeskCopyStore } from "./desk-copy-store";
import type { SearchPosition, StoryFilter } from "./story-filter";
import type { AlarmStore } from "./alarm-store";
import type { DeskStore } from "./desk-store";
import type { HousekeepingStore, JobLeaseStore } from "./housekeeping-store";
import type { OpsStore } from "./ops-store";
import type { PublishingStore, WebhookStore } from "./publishing-store";
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

/** A story the desk writes itself: its first text and who takes it (see insert-desk-story.ts). */
export interface NewDeskStory {
  creator: { id: string; name: string };
  format: string;
  headline: string;
  byline: string | null;
  bodyHtml: string;
  bodyText: string;
  wordCount: number;
  urgency: number;
  language: string | null;
  categories: string[];
  deskId: string | null;
  sources: StoryRecord["sources"];
  at: string;
}

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
  /** Creates a desk story, taken by its creator (state in_progress), with its change-log seq. */
  createDeskStory(story: NewDeskStory): Promise<{ seq: number; story: StoryRecord }>;
  /** Stories changed after `seq`, each once at its latest state, in seq order. */
  listChangedSince(seq: number, limit: number): Promise<{ seq: number; story: StoryRecord }[]>;
  currentSeq(): Promise<number>;
  /** Entries of the change log after `seq` (whoever wrote them), in seq order. */
  listChangeLog(seq: number, limit: number): Promise<{ seq: number; storyId: string }[]>;
}

/** A user with what the desk knows beyond the account: their desks (in routing order) and alert settings. */
export interface UserWithProfile {
  user: UserRecord;
  deskIds: string[];
  settings: UserSettings;
}

/** Users, sessions, ingest tokens and the audit log. */
export interface AccountStore {
  countUsers(): Promise<number>;
  createUser(user: Omit<UserRecord, "createdAt" | "updatedAt">): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  /** Every user by name, each with desks and settings, read in one query. */
  listUsersWithProfiles(): Promise<UserWithProfile[]>;
  /** One user with desks and settings; null when there is no such user. */
  findUserWithProfile(id: string): Promise<UserWithProfile | null>;
  updateUser(id: string, patch: Partial<Pick<UserRecord, "name" | "role" | "active" | "passwordHash">>): Promise<UserRecord | null>;
  createSession(session: Omit<SessionRecord, "revokedAt">): Promise<void>;
  findSession(idHash: string): Promise<{ session: SessionRecord; user: UserRecord } | null>;
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  revokeSession(idHash: string, at: string): Promise<void>;
  /** Revokes a user's open sessions (all but `exceptHash` when given) and answers their hashes. */
  revokeUserSessions(userId: string, at: string, exceptHash?: string): Promise<string[]>;
  createIngestToken(token: Omit<IngestTokenRecord, "revokedAt" | "lastUsedAt">): Promise<void>;
  findIngestToken(tokenHash: string): Promise<IngestTokenRecord | null>;
  listIngestTokens(): Promise<IngestTokenRecord[]>;
  revokeIngestToken(id: string, at: string): Promise<boolean>;
  touchIngestToken(id: string, lastUsedAt: string): Promise<void>;
  appendAudit(entry: { actorId: string | null; action: string; subject: string | null; detail?: Record<string, unknown> }): Promise<void>;
  /** Audit entries newest first, optionally one actor's or one action's, older than entry `beforeId`. */
  listAudit(query: { limit: number; actorId?: string; action?: string; beforeId?: number }): Promise<{ id: number; at: string; actorId: string | null; action: string; subject: string | null; detail: Record<string, unknown> | null }[]>;
}

/** A pull feed as an admin creates it. */
export type NewFeed = Pick<FeedRecord, "id" | "name" | "url" | "intervalSeconds" | "enabled" | "nextPollAt" | "createdAt" | "format">;

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
  /** Whole-database operations: readiness, size, integrity, backup. */
  ops: OpsStore;
  publishing: PublishingStore;
  webhooks: WebhookStore;
  /** The desk's own copy of stories: co-edited documents, field edits, desk versions. */
  deskCopy: DeskCopyStore;
  /** Retention's deletions (change log, unused copy, raw bytes, audit rows). */
  housekeeping: HousekeepingStore;
  /** Leases that keep a housekeeping job to one node at a time. */
  leases: JobLeaseStore;
  /** What the desk's alarms read (sources' arrivals, thresholds, failing webhooks). */
  alarms: AlarmStore;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type { Role };
