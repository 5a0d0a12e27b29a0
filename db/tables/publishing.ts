import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { stories } from "./stories";

// What readers get, and the webhooks that hear of it.

/** What readers get: the desk copy as of the last publish or correct, stored at that moment. */
export const publications = sqliteTable(
  "publications",
  {
    storyId: text("story_id")
      .primaryKey()
      .references(() => stories.id, { onDelete: "cascade" }),
    /** Fixed at first publication, so links survive corrections. */
    slug: text("slug").notNull(),
    state: text("state", { enum: ["published", "corrected", "killed"] }).notNull(),
    headline: text("headline").notNull(),
    subheadline: text("subheadline"),
    slugline: text("slugline"),
    byline: text("byline"),
    datelineText: text("dateline_text"),
    datelinePlace: text("dateline_place"),
    abstract: text("abstract"),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    language: text("language"),
    agency: text("agency"),
    urgency: integer("urgency").notNull(),
    categories: text("categories", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    keywords: text("keywords", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    corrections: text("corrections", { mode: "json" }).$type<{ at: string; note: string }[]>().notNull().default(sql`'[]'`),
    version: integer("version").notNull(),
    firstPublishedAt: text("first_published_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    killedAt: text("killed_at"),
    killReason: text("kill_reason"),
    /** The change-log seq of the publication's last change (ETags). */
    seq: integer("seq").notNull(),
  },
  (t) => [index("publications_live_idx").on(t.state, t.firstPublishedAt, t.storyId)],
);

/** Endpoints an admin registered to receive each publish, correction and kill. */
export const webhooks = sqliteTable("webhooks", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  /** The HMAC-SHA256 key the receiver verifies signatures with. */
  secret: text("secret").notNull(),
  description: text("description"),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  createdAt: text("created_at").notNull(),
});

/** The webhook queue and its log: one row per event and endpoint, retried with backoff until delivered. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: text("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    storyId: text("story_id").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    lastAttemptAt: text("last_attempt_at"),
    lastStatus: text("last_status"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    deliveredAt: text("delivered_at"),
  },
  (t) => [index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt), index("webhook_deliveries_hook_idx").on(t.webhookId, t.id)],
);

export type PublicationRecord = typeof publications.$inferSelect;
export type WebhookRecord = typeof webhooks.$inferSelect;
export type WebhookDeliveryRecord = typeof webhookDeliveries.$inferSelect;
