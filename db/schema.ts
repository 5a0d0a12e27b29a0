import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** People who use the desk. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["viewer", "editor", "chief", "admin"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** Login sessions; only a hash of the cookie value is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Every delivery as it arrived (its bytes are in {@link deliveryRaw}), stored before parsing. */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    receivedAt: text("received_at").notNull(),
    channel: text("channel").notNull(),
    sourceName: text("source_name"),
    format: text("format"),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    status: text("status", { enum: ["received", "parsed", "failed", "duplicate"] }).notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    storyCount: integer("story_count").notNull().default(0),
  },
  (t) => [index("deliveries_sha_idx").on(t.sha256), index("deliveries_status_idx").on(t.status, t.id)],
);

/**
 * The bytes of each delivery, verbatim. Written once and never updated: kept apart from the
 * delivery's status row, which parsing updates, so that update does not rewrite the bytes.
 */
export const deliveryRaw = sqliteTable("delivery_raw", {
  deliveryId: integer("delivery_id")
    .primaryKey()
    .references(() => deliveries.id, { onDelete: "cascade" }),
  raw: blob("raw", { mode: "buffer" }).notNull(),
});

/** The current state of each agency story. `rowid` orders the queue; `id` is public. */
export const stories = sqliteTable(
  "stories",
  {
    rowid: integer("rowid").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    // Not indexed here: story_guids (primary key guid) finds a story by any of its guids, this one included.
    guid: text("guid").notNull(),
    agencyVersion: integer("agency_version").notNull(),
    rev: integer("rev").notNull().default(1),
    seq: integer("seq").notNull(),
    state: text("state").notNull(),
    format: text("format").notNull(),
    pubStatus: text("pub_status").notNull(),
    agency: text("agency"),
    urgency: integer("urgency").notNull(),
    headline: text("headline").notNull(),
    subheadline: text("subheadline"),
    slugline: text("slugline"),
    byline: text("byline"),
    datelineText: text("dateline_text"),
    datelinePlace: text("dateline_place"),
    datelineDate: text("dateline_date"),
    datelineSource: text("dateline_source"),
    language: text("language"),
    abstract: text("abstract"),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    wordCount: integer("word_count").notNull(),
    editorNote: text("editor_note"),
    embargoUntil: text("embargo_until"),
    versionCreated: text("version_created"),
    firstCreated: text("first_created"),
    supersedes: text("supersedes", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    signals: text("signals", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    categories: text("categories", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    keywords: text("keywords", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    versionCount: integer("version_count").notNull().default(1),
    agencyUpdateVersion: integer("agency_update_version"),
    takenBy: text("taken_by").references(() => users.id),
    deskId: text("desk_id"),
    receivedAt: text("received_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("stories_seq_idx").on(t.seq),
    index("stories_state_idx").on(t.state, t.rowid),
    index("stories_agency_idx").on(t.agency, t.rowid),
    index("stories_received_idx").on(t.receivedAt),
    index("stories_desk_idx").on(t.deskId, t.rowid),
    index("stories_state_updated_idx").on(t.state, t.updatedAt),
  ],
);

/** Every agency version of a story as delivered, linked to its raw delivery. */
export const storyVersions = sqliteTable(
  "story_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: text("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    agencyVersion: integer("agency_version").notNull(),
    /** The agency guid this version came under (a superseding item brings a new guid). */
    guid: text("guid"),
    deliveryId: integer("delivery_id").references(() => deliveries.id),
    normalized: text("normalized", { mode: "json" }).notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [uniqueIndex("story_versions_story_guid_version_idx").on(t.storyId, t.guid, t.agencyVersion)],
);

/** The change log: every change to any story takes the next `seq`. */
export const changes = sqliteTable(
  "changes",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    storyId: text("story_id").notNull(),
    kind: text("kind").notNull(),
    actorId: text("actor_id"),
    at: text("at").notNull(),
  },
  (t) => [index("changes_story_idx").on(t.storyId)],
);

/** Who did what and when: logins, role changes, tokens, publishes. */
export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: text("at").notNull(),
  actorId: text("actor_id"),
  action: text("action").notNull(),
  subject: text("subject"),
  detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
});

/** Tokens that may call the ingest API; stored hashed. */
export const ingestTokens = sqliteTable("ingest_tokens", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  createdBy: text("created_by"),
  createdAt: text("created_at").notNull(),
  revokedAt: text("revoked_at"),
  lastUsedAt: text("last_used_at"),
});

/** Every guid a story has had (its own and those it superseded), for version and supersede lookups. */
export const storyGuids = sqliteTable("story_guids", {
  guid: text("guid").primaryKey(),
  storyId: text("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
});

/** Non-text items (packages, pictures) seen in deliveries: recorded, never queued. */
export const recordedItems = sqliteTable(
  "recorded_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: integer("delivery_id").notNull().references(() => deliveries.id),
    guid: text("guid").notNull(),
    version: integer("version").notNull(),
    itemClass: text("item_class").notNull(),
    headline: text("headline"),
  },
  (t) => [index("recorded_items_guid_idx").on(t.guid)],
);

/** Pull feeds an admin configured: polled at an interval with conditional requests, backing off on errors. */
export const feeds = sqliteTable(
  "feeds",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    url: text("url").notNull(),
    intervalSeconds: integer("interval_seconds").notNull(),
    etag: text("etag"),
    lastModified: text("last_modified"),
    lastPolledAt: text("last_polled_at"),
    lastStatus: text("last_status"),
    lastError: text("last_error"),
    /** Stories the last poll created and updated; null until a poll works (304: both 0). */
    lastNewStories: integer("last_new_stories"),
    lastUpdatedStories: integer("last_updated_stories"),
    failures: integer("failures").notNull().default(0),
    nextPollAt: text("next_poll_at").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("feeds_next_poll_idx").on(t.enabled, t.nextPollAt)],
);

/** Which stories each user has read (per-user read state in the queue). */
export const storyReads = sqliteTable(
  "story_reads",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    storyId: text("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    readAt: text("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storyId] })],
);

/** A user's saved queue views: the URL query (filters + q) and when the user last opened it. */
export const savedSearches = sqliteTable(
  "saved_searches",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    queryString: text("query_string").notNull(),
    createdAt: text("created_at").notNull(),
    lastOpenedAt: text("last_opened_at").notNull(),
  },
  (t) => [uniqueIndex("saved_searches_user_name_idx").on(t.userId, t.name)],
);

/** Desks (World, Politics, Sport...) that incoming stories are routed to. */
export const desks = sqliteTable("desks", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: text("created_at").notNull(),
});

/** Routing rules of a desk; every given field of a rule must match, rules are tried by position. */
export const deskRules = sqliteTable(
  "desk_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deskId: text("desk_id").notNull().references(() => desks.id, { onDelete: "cascade" }),
    agency: text("agency"),
    category: text("category"),
    keyword: text("keyword"),
    urgencyMax: integer("urgency_max"),
    position: integer("position").notNull(),
  },
  (t) => [index("desk_rules_desk_idx").on(t.deskId, t.position)],
);

/** The desks each user belongs to (the queue opens on them). */
export const userDesks = sqliteTable(
  "user_desks",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    deskId: text("desk_id").notNull().references(() => desks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deskId] })],
);

/** Per-user settings (alert sound, desktop notifications for FLASH and BULLETIN). */
export const userSettings = sqliteTable("user_settings", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  sound: integer("sound", { mode: "boolean" }).notNull().default(false),
  desktopNotifications: integer("desktop_notifications", { mode: "boolean" }).notNull().default(false),
  updatedAt: text("updated_at").notNull(),
});

/** How many stories are in each workflow state, kept exact by triggers (the header reads it in O(1)). */
export const storyStateCounts = sqliteTable("story_state_counts", {
  state: text("state").primaryKey(),
  count: integer("count").notNull().default(0),
});

/** Row types shared by every store implementation. */
export type UserRecord = typeof users.$inferSelect;
export type SessionRecord = typeof sessions.$inferSelect;
export type StoryRecord = Omit<typeof stories.$inferSelect, "rowid">;
export type DeliveryRecord = typeof deliveries.$inferSelect;
export type IngestTokenRecord = typeof ingestTokens.$inferSelect;
export type FeedRecord = typeof feeds.$inferSelect;
export type SavedSearchRecord = typeof savedSearches.$inferSelect;
export type DeskRecord = typeof desks.$inferSelect;
export type DeskRuleRecord = typeof deskRules.$inferSelect;
