import type Database from "better-sqlite3";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stories } from "@/db/schema";
import type { NormalizedStory } from "../../domain/normalized-story";
import type { StorySummaryRecord } from "../store";
import { STORY_SUMMARY_COLUMNS } from "./list-stories";

/**
 * The ingest path's SQL, prepared once per connection. Ingest runs these for every story of every
 * delivery, so they bypass the query builder (which builds and prepares each query anew, several
 * times the cost of running it). Reads that return a StoryRecord stay on drizzle, prepared, so the
 * row mapping lives in one place (the schema).
 */
export interface IngestStatements {
  findDeliveryBySha: Database.Statement<[string], { id: number }>;
  insertDelivery: Database.Statement<[string, string, string | null, string, number]>;
  insertDeliveryRaw: Database.Statement<[number | bigint, Buffer]>;
  deliveryStatus: Database.Statement<[number], { status: string }>;
  markDelivery: Database.Statement<[string, string, number, number]>;
  failDelivery: Database.Statement<[string | null, string, string, number]>;
  storyIdByGuid: Database.Statement<[string], { storyId: string }>;
  linkGuid: Database.Statement<[string, string]>;
  insertStory: Database.Statement<[Record<string, unknown>]>;
  updateStory: Database.Statement<[Record<string, unknown>]>;
  /** A new agency version of a story the desk works on: the desk copy's fields stay the desk's. */
  updateTakenStory: Database.Statement<[Record<string, unknown>]>;
  killStory: Database.Statement<[number, number, number, string, string]>;
  insertVersion: Database.Statement<[string, string, number, number, string, string]>;
  keepVersionBody: Database.Statement<[string, string, string, string, number]>;
  recordedSeen: Database.Statement<[string, number], { id: number }>;
  insertRecorded: Database.Statement<[number, string, number, string, string | null]>;
  indexStory: Database.Statement<[number | bigint, string, string | null, string | null, string]>;
  /** The full StoryRecord of a story (drizzle's mapping, prepared once). */
  story: { get(values: { id: string }): (typeof stories.$inferSelect) | undefined };
  /** A story as the queue lists it: no body strings are built (later columns still walk the row's overflow chain). */
  storySummary: { get(values: { id: string }): (StorySummaryRecord & { rowid: number }) | undefined };
}

/** The columns an agency version sets, as named parameters (`@agency_version`, ...). */
const VERSION_COLUMNS = [
  "agency_version", "format", "pub_status", "agency", "urgency", "headline", "subheadline", "slugline", "byline",
  "dateline_text", "dateline_place", "dateline_date", "dateline_source", "language", "abstract", "body_html", "body_text",
  "word_count", "editor_note", "embargo_until", "version_created", "first_created", "supersedes", "signals", "categories", "keywords",
] as const;

/**
 * The columns that make the desk copy of a story being edited (co-edited text and the fields
 * `PATCH /api/stories/:id` changes): a new agency version is kept in history and flagged, and the
 * desk brings its changes in on request, never by overwriting these.
 */
const DESK_COPY_COLUMNS: ReadonlySet<string> = new Set([
  "headline", "slugline", "byline", "abstract", "body_html", "body_text", "word_count",
  "dateline_text", "dateline_place", "dateline_date", "dateline_source", "urgency", "categories", "keywords", "editor_note",
]);

/** Named parameters of {@link VERSION_COLUMNS} from a normalized story. */
export function versionParams(n: NormalizedStory): Record<(typeof VERSION_COLUMNS)[number], unknown> {
  return {
    agency_version: n.version,
    format: n.format,
    pub_status: n.pubStatus,
    agency: n.agency,
    urgency: n.urgency,
    headline: n.headline,
    subheadline: n.subheadline,
    slugline: n.slugline,
    byline: n.byline,
    dateline_text: n.dateline.text,
    dateline_place: n.dateline.place,
    dateline_date: n.dateline.date,
    dateline_source: n.dateline.source,
    language: n.language,
    abstract: n.abstract,
    body_html: n.bodyHtml,
    body_text: n.bodyText,
    word_count: n.wordCount,
    editor_note: n.editorNote,
    embargo_until: n.embargoUntil,
    version_created: n.versionCreated,
    first_created: n.firstCreated,
    supersedes: JSON.stringify(n.supersedes),
    signals: JSON.stringify(n.signals),
    categories: JSON.stringify(n.categories),
    keywords: JSON.stringify(n.keywords),
  };
}

function prepare(db: Db): IngestStatements {
  const s = db.$client;
  const insertColumns = ["id", "guid", "rev", "seq", "state", "desk_id", "received_at", "updated_at", ...VERSION_COLUMNS];
  const updateColumns = ["guid", "rev", "seq", "state", "version_count", "agency_update_version", "desk_id", "updated_at", ...VERSION_COLUMNS];
  return {
    findDeliveryBySha: s.prepare("select id from deliveries where sha256 = ? order by id limit 1"),
    insertDelivery: s.prepare("insert into deliveries (received_at, channel, source_name, sha256, size, status) values (?, ?, ?, ?, ?, 'received')"),
    insertDeliveryRaw: s.prepare("insert into delivery_raw (delivery_id, raw) values (?, ?)"),
    deliveryStatus: s.prepare("select status from deliveries where id = ?"),
    markDelivery: s.prepare("update deliveries set status = ?, format = ?, story_count = ?, error_code = null, error_message = null where id = ?"),
    failDelivery: s.prepare("update deliveries set status = 'failed', format = ?, error_code = ?, error_message = ? where id = ?"),
    storyIdByGuid: s.prepare("select story_id as storyId from story_guids where guid = ?"),
    linkGuid: s.prepare("insert into story_guids (guid, story_id) values (?, ?) on conflict do nothing"),
    insertStory: s.prepare(`insert into stories (${insertColumns.join(", ")}) values (${insertColumns.map((c) => `@${c}`).join(", ")})`),
    updateStory: s.prepare(`update stories set ${updateColumns.map((c) => `${c} = @${c}`).join(", ")} where id = @id`),
    updateTakenStory: s.prepare(`update stories set ${updateColumns.filter((c) => !DESK_COPY_COLUMNS.has(c)).map((c) => `${c} = @${c}`).join(", ")} where id = @id`),
    killStory: s.prepare("update stories set pub_status = 'canceled', state = 'killed', seq = ?, rev = ?, version_count = ?, updated_at = ? where id = ?"),
    insertVersion: s.prepare(
      "insert into story_versions (story_id, guid, agency_version, delivery_id, normalized, received_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing",
    ),
    keepVersionBody: s.prepare(
      `update story_versions set normalized = json_set(normalized, '$.bodyHtml', ?, '$.bodyText', ?)
       where story_id = ? and guid = ? and agency_version = ? and json_type(normalized, '$.bodyHtml') is null`,
    ),
    recordedSeen: s.prepare("select id from recorded_items where guid = ? and version = ? limit 1"),
    insertRecorded: s.prepare("insert into recorded_items (delivery_id, guid, version, item_class, headline) values (?, ?, ?, ?, ?)"),
    indexStory: s.prepare("insert into stories_fts (rowid, headline, slugline, byline, body_text) values (?, ?, ?, ?, ?)"),
    story: db.select().from(stories).where(eq(stories.id, sql.placeholder("id"))).prepare(),
    storySummary: db.select(STORY_SUMMARY_COLUMNS).from(stories).where(eq(stories.id, sql.placeholder("id"))).prepare(),
  };
}

const cache = new WeakMap<Database.Database, IngestStatements>();

/** The ingest statements of this connection (prepared on first use). */
export function ingestStatements(db: Db): IngestStatements {
  let statements = cache.get(db.$client);
  if (!statements) {
    statements = prepare(db);
    cache.set(db.$client, statements);
  }
  return statements;
}
