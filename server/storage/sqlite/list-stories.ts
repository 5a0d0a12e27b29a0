import { and, desc, getTableColumns, gte, inArray, isNull, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { stories } from "@/db/schema";
import type { ListedStory } from "../store";
import type { StoryFilter } from "../story-filter";

const { bodyHtml: _bodyHtml, bodyText: _bodyText, editorNote: _editorNote, ...summaryColumns } = getTableColumns(stories);

/** The columns a listed story needs (no body: the page does not show it, and reading it costs). */
export const STORY_SUMMARY_COLUMNS = summaryColumns;

/** `column NOT IN (values)` that keeps rows where the column is null. */
function notInOrNull(column: SQLiteColumn, values: string[]): SQL {
  return or(isNull(column), notInArray(column, values))!;
}

function hasCategory(categories: string[]): SQL {
  return sql`exists (select 1 from json_each(${stories.categories}) where json_each.value in ${categories})`;
}

/**
 * `position` is at least the lowest queue position received at or after `since` (read from the
 * received_at index, so its cost grows with the stories in the range): it lets a newest-first scan
 * stop there instead of walking the whole table when few stories in the range match.
 */
export function sinceBound(since: string, position: SQL | SQLiteColumn = stories.rowid): SQL {
  // INDEXED BY: left alone, SQLite answers min(rowid) by walking the table from its oldest row.
  return sql`${position} >= coalesce((select min(s2.rowid) from stories s2 indexed by stories_received_idx where s2.received_at >= ${since}), 9223372036854775807)`;
}

/** The WHERE conditions for the queue filters (full-text search and paging aside). */
export function storyFilterConditions(filter: Omit<StoryFilter, "limit">): SQL[] {
  const where: SQL[] = [];
  if (filter.agencies?.length) where.push(inArray(stories.agency, filter.agencies));
  if (filter.excludeAgencies?.length) where.push(notInOrNull(stories.agency, filter.excludeAgencies));
  if (filter.states?.length) where.push(inArray(stories.state, filter.states));
  if (filter.excludeStates?.length) where.push(notInArray(stories.state, filter.excludeStates));
  if (filter.urgencyMin !== undefined) where.push(gte(stories.urgency, filter.urgencyMin));
  if (filter.urgencyMax !== undefined) where.push(lte(stories.urgency, filter.urgencyMax));
  if (filter.languages?.length) where.push(inArray(stories.language, filter.languages));
  if (filter.excludeLanguages?.length) where.push(notInOrNull(stories.language, filter.excludeLanguages));
  if (filter.categories?.length) where.push(hasCategory(filter.categories));
  if (filter.excludeCategories?.length) where.push(sql`not ${hasCategory(filter.excludeCategories)}`);
  if (filter.deskIds?.length) where.push(inArray(stories.deskId, filter.deskIds));
  if (filter.excludeDeskIds?.length) where.push(notInOrNull(stories.deskId, filter.excludeDeskIds));
  if (filter.since) where.push(gte(stories.receivedAt, filter.since));
  if (filter.until) where.push(lte(stories.receivedAt, filter.until));
  if (filter.since) where.push(sinceBound(filter.since));
  return where;
}

/** Lists stories newest first with keyset paging on the queue position (no full-text query). */
export function listStoriesQuery(db: Db, filter: StoryFilter): ListedStory[] {
  const where = storyFilterConditions(filter);
  if (filter.before !== undefined) where.push(lt(stories.rowid, filter.before));
  const rows = db
    .select(STORY_SUMMARY_COLUMNS)
    .from(stories)
    .where(and(...where))
    .orderBy(desc(stories.rowid))
    .limit(filter.limit)
    .all();
  return rows.map(({ rowid, ...story }) => ({ position: rowid, story }));
}

/** Counts stories matching the filter (no full-text query), stopping at `cap`. */
export function countStoriesQuery(db: Db, filter: Omit<StoryFilter, "limit">, cap: number): number {
  const inner = db.select({ one: sql`1` }).from(stories).where(and(...storyFilterConditions(filter))).limit(cap);
  return db.get<{ n: number }>(sql`select count(*) as n from (${inner})`)?.n ?? 0;
}
