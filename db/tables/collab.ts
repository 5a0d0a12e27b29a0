import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { stories } from "./stories";

// The co-edited desk copy: its Yjs state, updates and versions.

/** The compacted Yjs state of a story's desk copy (co-editing). */
export const collabDocs = sqliteTable("collab_docs", {
  storyId: text("story_id")
    .primaryKey()
    .references(() => stories.id, { onDelete: "cascade" }),
  state: blob("state", { mode: "buffer" }).notNull(),
  updatedAt: text("updated_at").notNull(),
  /** The agency version the desk copy started from (or last brought in), as a Yjs state the document descends from. */
  baseState: blob("base_state", { mode: "buffer" }),
  baseAgencyVersion: integer("base_agency_version"),
  /** The agency version the desk copy first started from; bringing in a newer one never moves it (the history's "Agency's original"). */
  originAgencyVersion: integer("origin_agency_version"),
});

/** Every Yjs update acknowledged since the last compaction, in order. */
export const collabUpdates = sqliteTable(
  "collab_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: text("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    update: blob("update", { mode: "buffer" }).notNull(),
    actorId: text("actor_id"),
    at: text("at").notNull(),
  },
  (t) => [index("collab_updates_story_idx").on(t.storyId, t.id)],
);

/** The desk copy's text at take, at workflow steps and every few minutes of editing. */
export const deskVersions = sqliteTable(
  "desk_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: text("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    /** The workflow action that kept it (take, submit, …), or editing, restore, agency update. */
    reason: text("reason").notNull(),
    at: text("at").notNull(),
    contributors: text("contributors", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Who made the step (null: periodic editing versions, the scheduler, versions kept before steps were). */
    actorId: text("actor_id"),
    /** The story's workflow state when it was kept (null before steps were). */
    state: text("state"),
    headline: text("headline").notNull(),
    slugline: text("slugline"),
    byline: text("byline"),
    abstract: text("abstract"),
    bodyHtml: text("body_html").notNull(),
  },
  (t) => [index("desk_versions_story_idx").on(t.storyId, t.id)],
);

export type DeskVersionRecord = typeof deskVersions.$inferSelect;
