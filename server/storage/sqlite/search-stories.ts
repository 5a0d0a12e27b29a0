import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { Statement } from "better-sqlite3";
import type { Db } from "@/db/client";
import { stories } from "@/db/schema";
import { hasMatch, markedTextToHtml, MATCH_CLOSE, MATCH_OPEN } from "../highlight-html";
import type { ListedStory } from "../store";
import type { SearchPosition, SearchQuery, StoryFilter } from "../story-filter";
import { toFtsMatch } from "./fts-query";
import { sinceBound, STORY_SUMMARY_COLUMNS, storyFilterConditions } from "./list-stories";

/**
 * Results are ranked within blocks of this many newest matches, then the next older block follows.
 * This bounds the cost of a page whatever the number of matches (a common word can match most of
 * a million stories), and keeps recent copy first, which is what a wire desk wants.
 */
export const SEARCH_BLOCK = 1000;

// bm25 weights per column: headline, slugline, byline, body_text.
const RANK = sql.raw("bm25(stories_fts, 10.0, 4.0, 2.0, 1.0)");
const FTS_POSITION = sql.raw("stories_fts.rowid");

/** The filters, plus the received-since bound on the index's own rowid (so the index walk stops there too). */
function searchConditions(filter: Omit<StoryFilter, "limit">): SQL[] {
  const where = storyFilterConditions(filter);
  if (filter.since) where.push(sinceBound(filter.since, FTS_POSITION));
  return where;
}

interface Hit {
  position: number;
  rank: number;
}

/** The newest `SEARCH_BLOCK` matches at or below `top` that pass the filters, newest first, with their rank. */
function readBlock(db: Db, match: string, where: SQL[], top: number): Hit[] {
  // CROSS JOIN keeps the full-text index as the outer loop, walked newest first.
  return db.all<Hit>(sql`
    select stories_fts.rowid as position, ${RANK} as rank
    from stories_fts cross join ${stories} on ${stories.rowid} = stories_fts.rowid
    where stories_fts match ${match} and stories_fts.rowid <= ${top} ${where.length > 0 ? sql`and ${and(...where)}` : sql``}
    order by stories_fts.rowid desc
    limit ${SEARCH_BLOCK}`);
}

function byRank(a: Hit, b: Hit): number {
  return a.rank - b.rank || b.position - a.position;
}

/** Index of the first hit after the cursor in ranked order (by identity, falling back to rank). */
function startAfter(ranked: Hit[], after: SearchPosition | undefined): number {
  if (!after) return 0;
  const same = ranked.findIndex((h) => h.position === after.position);
  if (same >= 0) return same + 1;
  const next = ranked.findIndex((h) => byRank(h, after) > 0);
  return next < 0 ? ranked.length : next;
}

/** Walks the blocks from the cursor until `limit` results are collected. */
function rankedPage(db: Db, match: string, where: SQL[], filter: StoryFilter): SearchPosition[] {
  const page: SearchPosition[] = [];
  let top = filter.searchAfter?.top ?? Number.MAX_SAFE_INTEGER;
  let after = filter.searchAfter;
  while (page.length < filter.limit) {
    const block = readBlock(db, match, where, top);
    if (block.length === 0) break;
    const blockTop = after ? top : block[0]!.position;
    const ranked = [...block].sort(byRank);
    const start = startAfter(ranked, after);
    for (const hit of ranked.slice(start, start + filter.limit - page.length)) {
      page.push({ top: blockTop, rank: hit.rank, position: hit.position });
    }
    if (block.length < SEARCH_BLOCK) break;
    top = block[block.length - 1]!.position - 1;
    after = undefined;
  }
  return page;
}

/** Newest matches first, keyset paged on the index position (the cursor's rank is unused: 0). */
function newestPage(db: Db, match: string, where: SQL[], filter: StoryFilter): SearchPosition[] {
  const below = filter.searchAfter ? filter.searchAfter.position - 1 : Number.MAX_SAFE_INTEGER;
  const hits = db.all<{ position: number }>(sql`
    select stories_fts.rowid as position
    from stories_fts cross join ${stories} on ${stories.rowid} = stories_fts.rowid
    where stories_fts match ${match} and stories_fts.rowid <= ${below} ${where.length > 0 ? sql`and ${and(...where)}` : sql``}
    order by stories_fts.rowid desc
    limit ${filter.limit}`);
  return hits.map((h) => ({ top: h.position, rank: 0, position: h.position }));
}

type HighlightStatement = Statement<[string, string, string, string, string, number], { headline: string | null; body: string | null }>;
const highlightStatements = new WeakMap<Db["$client"], HighlightStatement>();

/**
 * The headline with its matches marked, or a body snippet when only the body matched (HTML-safe).
 * One rowid lookup per result: FTS5 answers `rowid = ?` with a seek, but not a join on rowid.
 */
function highlights(db: Db, match: string, positions: number[]): Map<number, string> {
  let statement = highlightStatements.get(db.$client);
  if (!statement) {
    statement = db.$client.prepare(`
      select highlight(stories_fts, 0, ?, ?) as headline, snippet(stories_fts, 3, ?, ?, '…', 24) as body
      from stories_fts where stories_fts match ? and rowid = ?`);
    highlightStatements.set(db.$client, statement);
  }
  const byPosition = new Map<number, string>();
  for (const position of positions) {
    const row = statement.get(MATCH_OPEN, MATCH_CLOSE, MATCH_OPEN, MATCH_CLOSE, match, position);
    if (!row) continue;
    const headline = row.headline ?? "";
    const body = row.body ?? "";
    byPosition.set(position, markedTextToHtml(hasMatch(headline) || !hasMatch(body) ? headline : body));
  }
  return byPosition;
}

/**
 * Full-text search, keyset paged: ranked by bm25 (headline weighted highest) within blocks of newest
 * matches, or with `searchOrder: "newest"` newest first.
 */
export function searchStoriesQuery(db: Db, filter: StoryFilter & { query: SearchQuery }): ListedStory[] {
  const match = toFtsMatch(filter.query);
  const page = (filter.searchOrder === "newest" ? newestPage : rankedPage)(db, match, searchConditions(filter), filter);
  if (page.length === 0) return [];
  const positions = page.map((p) => p.position);
  const rows = new Map(
    db
      .select(STORY_SUMMARY_COLUMNS)
      .from(stories)
      .where(inArray(stories.rowid, positions))
      .all()
      .map(({ rowid, ...story }) => [rowid, story] as const),
  );
  const marked = highlights(db, match, positions);
  return page.flatMap((p) => {
    const story = rows.get(p.position);
    return story ? [{ position: p.position, story, highlight: marked.get(p.position) ?? markedTextToHtml(story.headline), searchPosition: p }] : [];
  });
}

/** Counts stories matching a full-text query and the filters, stopping at `cap`. */
export function countSearchQuery(db: Db, filter: Omit<StoryFilter, "limit"> & { query: SearchQuery }, cap: number): number {
  const where = searchConditions(filter);
  const row = db.get<{ n: number }>(sql`
    select count(*) as n from (
      select 1 from stories_fts cross join ${stories} on ${stories.rowid} = stories_fts.rowid
      where stories_fts match ${toFtsMatch(filter.query)} ${where.length > 0 ? sql`and ${and(...where)}` : sql``}
      order by stories_fts.rowid desc
      limit ${cap})`);
  return row?.n ?? 0;
}
