import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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

/** Every delivery as it arrived, bytes verbatim, stored before parsing. */
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
    raw: blob("raw", { mode: "buffer" }).notNull(),
    status: text("status", { enum: ["received", "parsed", "failed", "duplicate"] }).notNull(),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    storyCount: integer("story_count").notNull().default(0),
  },
  (t) => [index("deliveries_sha_idx").on(t.sha256), index("deliveries_status_idx").on(t.status, t.id)],
);

/** The current state of each agency story. `rowid` orders the queue; `id` is public. */
export const stories = sqliteTable(
  "stories",
  {
    rowid: integer("rowid").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    guid: text("guid").notNull().unique(),
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
  ],
);

/** Every agency version of a story as delivered, linked to its raw delivery. */
export const storyVersions = sqliteTable(
  "story_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: text("story_id").notNull().references(() => stories.id, { onDelete: "cascade" }),
    agencyVersion: integer("agency_version").notNull(),
    deliveryId: integer("delivery_id").references(() => deliveries.id),
    normalized: text("normalized", { mode: "json" }).notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [uniqueIndex("story_versions_story_version_idx").on(t.storyId, t.agencyVersion)],
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

/** Row types shared by every store implementation. */
export type UserRecord = typeof users.$inferSelect;
export type SessionRecord = typeof sessions.$inferSelect;
export type StoryRecord = Omit<typeof stories.$inferSelect, "rowid">;
export type DeliveryRecord = Omit<typeof deliveries.$inferSelect, "raw">;
export type IngestTokenRecord = typeof ingestTokens.$inferSelect;
