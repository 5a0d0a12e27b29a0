import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { stories } from "./stories";

// What arrives from the wire: deliveries and their bytes, guids, recorded non-text items, pull feeds, source alarms.

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
  (t) => [index("deliveries_sha_idx").on(t.sha256), index("deliveries_status_idx").on(t.status, t.id), index("deliveries_received_idx").on(t.receivedAt)],
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
    /** The wire format the feed delivers; null detects it, where plain text counts as no wire format. */
    format: text("format"),
  },
  (t) => [index("feeds_next_poll_idx").on(t.enabled, t.nextPollAt)],
);

export type DeliveryRecord = typeof deliveries.$inferSelect;
export type FeedRecord = typeof feeds.$inferSelect;

/** An admin's silence threshold for a wire source (agency); without one, the source's own rhythm sets it. */
export const sourceAlarmSettings = sqliteTable("source_alarm_settings", {
  source: text("source").primaryKey(),
  silentAfterMinutes: integer("silent_after_minutes").notNull(),
  updatedAt: text("updated_at").notNull(),
});
