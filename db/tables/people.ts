import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../../server/contract/auth";
import { stories } from "./stories";

// People, their sessions, settings, reads and saved searches; the audit log and ingest tokens.

/** People who use the desk. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
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

/** Who did what and when: logins, role changes, tokens, publishes. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subject: text("subject"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

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

/** Per-user settings (alert sound, desktop notifications for FLASH and BULLETIN). */
export const userSettings = sqliteTable("user_settings", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  sound: integer("sound", { mode: "boolean" }).notNull().default(false),
  desktopNotifications: integer("desktop_notifications", { mode: "boolean" }).notNull().default(false),
  updatedAt: text("updated_at").notNull(),
});

export type UserRecord = typeof users.$inferSelect;
export type SessionRecord = typeof sessions.$inferSelect;
export type IngestTokenRecord = typeof ingestTokens.$inferSelect;
export type SavedSearchRecord = typeof savedSearches.$inferSelect;
