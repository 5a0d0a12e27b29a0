import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { StorySource } from "../../server/contract/story";
import { users } from "./people";
import { deliveries } from "./ingest";

// Stories, their agency versions, the change log, workflow facts and history.

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
    /** When the holder took the story, and their name then (shown on every queue line without a join). */
    takenAt: text("taken_at"),
    takenByName: text("taken_by_name"),
    deskId: text("desk_id"),
    /** A desk story's takes, in the order its body brings them in (migration 0014); empty for agency copy. */
    sources: text("sources", { mode: "json" }).$type<StorySource[]>().notNull().default(sql`'[]'`),
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
  (t) => [index("changes_story_idx").on(t.storyId), index("changes_at_idx").on(t.at)],
);

/** How many stories are in each workflow state, kept exact by triggers (the header reads it in O(1)). */
export const storyStateCounts = sqliteTable("story_state_counts", {
  state: text("state").primaryKey(),
  count: integer("count").notNull().default(0),
});

export type StoryRecord = Omit<typeof stories.$inferSelect, "rowid">;

/** Workflow facts beside a story: the state it had before a spike (unspike returns it) and its scheduled time. */
export const storyWorkflow = sqliteTable(
  "story_workflow",
  {
    storyId: text("story_id")
      .primaryKey()
      .references(() => stories.id, { onDelete: "cascade" }),
    spikedFrom: text("spiked_from"),
    scheduledAt: text("scheduled_at"),
  },
  (t) => [index("story_workflow_scheduled_idx").on(t.scheduledAt)],
);

/** Every workflow transition of a story: who, when, from, to and the rev it made. */
export const storyHistory = sqliteTable(
  "story_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: text("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    rev: integer("rev").notNull(),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("story_history_story_idx").on(t.storyId, t.id)],
);

export type StoryHistoryRecord = typeof storyHistory.$inferSelect;
