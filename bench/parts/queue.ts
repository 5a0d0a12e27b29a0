import Database from "better-sqlite3";
import { closeContext, createContext } from "@/server/context";
import { parseEnv } from "@/server/env";
import { createLogger } from "@/server/logger";
import { listStories } from "@/server/stories/service";
import { nowMs } from "../clock";
import { benchLog } from "../log";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { getScaleDb } from "../scale-db";
import { createSessions, startDeskServer } from "../servers";
import { summarize } from "../stats";
import { seededRandom } from "../text";
import { measureQueueInBrowser } from "./queue-browser-run";

const PAGE = 50;
const BARE = "the same query as one bare SQL statement on the same database (better-sqlite3, no service, no HTTP)";
// The product's ranking in one statement: bm25 over the newest 1,000 matches (search-stories.ts), then the rows.
const BARE_SEARCH = `select s.* from (select rowid, bm25(stories_fts, 10.0, 4.0, 2.0, 1.0) as rank from stories_fts
  where stories_fts match ? order by rowid desc limit 1000) as hits join stories s on s.rowid = hits.rowid order by hits.rank, s.rowid desc limit ${PAGE}`;
const BARE_FIRST_PAGE = `select * from stories order by rowid desc limit ${PAGE}`;

/** Queries of one to three words drawn uniformly from the vocabulary without its 100 most frequent words. */
function drawQueries(vocabulary: readonly string[], count: number): string[][] {
  const pool = vocabulary.slice(100);
  if (pool.length === 0) throw new Error("the generated vocabulary has no words beyond its 100 most frequent");
  const random = seededRandom(5);
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pool[Math.floor(random() * pool.length)]!));
}

type Timer = (words: string[]) => Promise<unknown>;

/** Times every method on every query, rotating which method goes first; warm-up queries are not counted. */
async function timeAll(methods: Record<string, Timer>, queries: string[][], warmup: number): Promise<Record<string, Float64Array>> {
  const names = Object.keys(methods);
  const times = Object.fromEntries(names.map((n) => [n, new Float64Array(queries.length)]));
  for (let i = -warmup; i < queries.length; i++) {
    const words = queries[(i + queries.length) % queries.length]!;
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + i + warmup) % names.length]!;
      const started = nowMs();
      await methods[name]!(words);
      if (i >= 0) times[name]![i] = nowMs() - started;
    }
  }
  return times;
}

/**
 * Part 4: the first page of the queue and full-text search on a generated database, through the
 * service in this process, over HTTP against the server process, and as bare SQL (the baseline).
 */
export async function runQueue(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown>; note: string }> {
  // Used in place (a copy of a 6 GB file costs a minute): this part writes only a bench user and its session.
  const { file: dbFile, meta } = await getScaleDb(profile.queue.stories, benchLog);
  const queries = drawQueries(meta.vocabulary, profile.queue.queries);
  const server = await startDeskServer({ dbFile, connections: 10 });
  const ctx = createContext(parseEnv({ NODE_ENV: "production", WIREDESK_DB: dbFile, WIREDESK_LOG_LEVEL: "silent" }), createLogger("silent"));
  const bare = new Database(dbFile, { readonly: true });
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  try {
    const [cookie] = await createSessions(server, 1);
    const reader = (await ctx.store.accounts.findUserByEmail("bench-editor-0@bench.wiredesk"))?.id;
    const firstPage = bare.prepare(BARE_FIRST_PAGE);
    const search = bare.prepare(BARE_SEARCH);
    const http = async (params: URLSearchParams) => {
      const response = await fetch(`${server.url}/api/stories?${params}`, { headers: { cookie: cookie! } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`GET /api/stories answered ${response.status}: ${body.slice(0, 200)}`);
    };
    const pageParams = () => new URLSearchParams({ limit: String(PAGE) });
    const searchParams = (words: string[]) => new URLSearchParams({ q: words.join(" "), limit: String(PAGE) });
    const times = await timeAll(
      {
        bareFirstPage: async () => firstPage.all(),
        serviceFirstPage: () => listStories(ctx, pageParams(), reader),
        httpFirstPage: () => http(pageParams()),
        bareSearch: async (words) => search.all(words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" AND ")),
        serviceSearch: (words) => listStories(ctx, searchParams(words), reader),
        httpSearch: (words) => http(searchParams(words)),
      },
      queries,
      Math.min(20, queries.length),
    );
    const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summarize(v)]));
    const n = profile.queue.stories.toLocaleString("en-US");
    const fig = (name: string, key: string, baseKey: string, maxValue: number) => makeFigure({ name, value: s[key]!.p95, unit: "ms", baseline: s[baseKey]!.p95, baselineName: BARE, target: { maxValue } });
    figures.push(
      fig(`first page p95, service (${n} stories)`, "serviceFirstPage", "bareFirstPage", 10),
      fig(`first page p95, HTTP (${n} stories)`, "httpFirstPage", "bareFirstPage", 10),
      fig(`search p95, service (${n} stories)`, "serviceSearch", "bareSearch", 50),
      fig(`search p95, HTTP (${n} stories)`, "httpSearch", "bareSearch", 50),
    );
    Object.assign(details, { stories: profile.queue.stories, queries: queries.length, pageSize: PAGE, sampleQueries: queries.slice(0, 10).map((q) => q.join(" ")), summaries: s });
  } finally {
    bare.close();
    await closeContext(ctx);
    await server.stop();
  }
  const notes = [`${queries.length} queries of 1–3 words drawn uniformly from the generated vocabulary minus its 100 most frequent words; ${PAGE} results; methods interleaved per query.`];
  const browser = profile.queue.browser;
  if (!browser) notes.push("Browser figure: not in the smoke form.");
  else {
    try {
      const result = await measureQueueInBrowser(browser);
      figures.push(
        makeFigure({
          name: `browser: 1-s windows with a task > 50 ms (${browser.stories.toLocaleString("en-US")} stories loaded, ${browser.rate}/s arriving, scrolling)`,
          value: result.longTaskWindowShare * 100,
          unit: "% of windows",
          target: { maxValue: 1, inclusive: true },
          note: `${result.windowsWithLongTask} of ${result.windows} windows; ${result.streamedStories} streamed, ${result.arrivedInQueue} arrived in the queue; longest task ${result.longTasks.maxMs.toFixed(0)} ms`,
        }),
      );
      details.browser = result;
    } catch (error) {
      notes.push(`The browser figure failed: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  return { figures, details, note: notes.join(" ") };
}
