import { createHash } from "node:crypto";
import path from "node:path";
import { getProcessDb } from "@/db/client";
import type { AppContext } from "@/server/app-context";
import { closeContext, createContext } from "@/server/context";
import { parseEnv } from "@/server/env";
import { NormalizedStorySchema, type NormalizedStory } from "@/server/domain/normalized-story";
import { parseDelivery } from "@/server/ingest/parse-delivery";
import type { ParsedDelivery } from "@/server/ingest/parsers/parse-result";
import { sanitizeWireHtml } from "@/server/ingest/text/sanitize";
import { ingestDelivery } from "@/server/ingest/service";
import { createLogger } from "@/server/logger";
import { makeTempDir, removeTempDir } from "../children";
import { nowMs } from "../clock";
import { percentile } from "../stats";
import { floorInsert, recordCommitGroups } from "./ingest-floor";

/** Deliveries under way at once in the pipeline measurement. */
export const IN_FLIGHT = 64;

/** The ways of taking in the same deliveries that are measured, each in stories per second. */
const METHODS = ["pipeline", "pipelineWithWorker", "parseOnly", "bareInsert"] as const;
type Method = (typeof METHODS)[number];

/**
 * Stories per second for each way of taking in the same deliveries: the median of the rounds, with
 * the lowest and highest round beside it (this machine's speed drifts by up to 40 % within a few hours).
 *
 * - pipeline: one core, every delivery parsed inline on the main thread.
 * - pipelineWithWorker: bursts parsed on the parse worker (a second core) while the main thread stores.
 * - parseOnly: detect, parse, sanitize and validate, no storage.
 * - bareInsert: the floor, the same story rows in the one-core pipeline's commit groups (see ingest-floor.ts).
 */
export type Throughputs = { stories: number; deliveries: number; rounds: number; ranges: Record<Method, [number, number]>; commits: CommitStats } & Record<Method, number>;

/** The one-core pipeline's commits that stored story rows (median round): how many, and stories in each. */
export interface CommitStats {
  commits: number;
  storiesPerCommit: number;
}

/** Microseconds per story spent in each part of the pipeline (see {@link measureStages}). */
export interface StageTimes {
  parse: number;
  sanitize: number;
  validate: number;
  store: number;
  ftsIndex: number;
  commitSync: number;
  other: number;
  total: number;
}

/**
 * Runs `run` on a fresh context and database. Small deliveries parse inline (one core, as the
 * target is set) unless `parseBurstsOnWorker`, as a server with a second core does under load.
 */
function withContext<T>(sync: "full" | "normal", run: (ctx: AppContext, dbFile: string) => Promise<T>, parseBurstsOnWorker = false): Promise<T> {
  const dir = makeTempDir("ingest");
  const dbFile = path.join(dir, "wiredesk.db");
  const env = parseEnv({ NODE_ENV: "production", WIREDESK_DB: dbFile, WIREDESK_SQLITE_SYNC: sync, WIREDESK_LOG_LEVEL: "silent" });
  const ctx = createContext(env, createLogger("silent"), { parseBurstsOnWorker });
  return run(ctx, dbFile).finally(async () => {
    await closeContext(ctx);
    removeTempDir(dir);
  });
}

function parseAll(deliveries: readonly Uint8Array[]): NormalizedStory[] {
  return deliveries.flatMap((bytes) => {
    const outcome = parseDelivery(bytes);
    if (!outcome.ok) throw new Error(`a generated delivery does not parse: ${outcome.error.message}`);
    return outcome.value.stories;
  });
}

/**
 * Runs `step(0..count-1)` with IN_FLIGHT steps under way at once (a busy wire: many feeds and
 * channels; concurrent deliveries share group commits) and returns stories per second.
 */
async function inFlight(stories: number, count: number, step: (index: number) => Promise<void>): Promise<number> {
  const started = nowMs();
  let next = 0;
  const lane = async () => {
    while (next < count) await step(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return stories / ((nowMs() - started) / 1000);
}

/**
 * The whole pipeline (ingestDelivery on a fresh database), IN_FLIGHT deliveries at once: stories/s and,
 * for the one-core run, the story rows of each of its commits (the floor commits the same groups).
 */
function measurePipeline(deliveries: readonly Uint8Array[], stories: number, parseBurstsOnWorker: boolean): Promise<{ perSecond: number; groups: number[] }> {
  return withContext(
    "full",
    async (ctx, dbFile) => {
      if (parseBurstsOnWorker) {
        // A running server's parse worker is up and warm: this fresh context's is started and given
        // every delivery once, as the one-core run's main thread was by the parse-only measurement.
        await ctx.parser.ready();
        await Promise.all(deliveries.map((bytes) => ctx.parser.parse(bytes)));
      }
      const recorder = recordCommitGroups(getProcessDb(dbFile, "full").$client);
      try {
        const perSecond = await inFlight(stories, deliveries.length, (i) => ingestDelivery(ctx, deliveries[i]!, { channel: "cli", sourceName: "bench" }).then(() => undefined));
        return { perSecond, groups: recorder.groups };
      } finally {
        recorder.stop();
      }
    },
    parseBurstsOnWorker,
  );
}

/**
 * Measures parse-only, the whole pipeline on one core and with bursts parsed on the parse worker,
 * and the floor (the bare insert in the one-core pipeline's commit groups), `rounds` times, interleaved so that a slow spell of the machine hits every
 * method alike; each figure is the median round.
 */
export async function measureThroughput(deliveries: readonly Uint8Array[], rounds: number): Promise<Throughputs> {
  parseAll(deliveries.slice(0, Math.min(100, deliveries.length))); // warm the JIT before timing
  const samples: Record<Method, number[]> = { pipeline: [], pipelineWithWorker: [], parseOnly: [], bareInsert: [] };
  const commits: CommitStats[] = [];
  let stories: NormalizedStory[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = nowMs();
    stories = parseAll(deliveries);
    samples.parseOnly.push(stories.length / ((nowMs() - started) / 1000));
    const oneCore = await measurePipeline(deliveries, stories.length, false);
    samples.pipeline.push(oneCore.perSecond);
    samples.pipelineWithWorker.push((await measurePipeline(deliveries, stories.length, true)).perSecond);
    // The floor of this round: its parsed rows, committed in the groups this round's pipeline committed.
    samples.bareInsert.push(floorInsert(stories, oneCore.groups));
    commits.push({ commits: oneCore.groups.length, storiesPerCommit: stories.length / oneCore.groups.length });
  }
  const sorted = METHODS.map((m) => [m, Float64Array.from(samples[m]).sort()] as const);
  const medians = Object.fromEntries(sorted.map(([m, values]) => [m, percentile(values, 50)])) as Record<Method, number>;
  const ranges = Object.fromEntries(sorted.map(([m, values]) => [m, [values[0], values[values.length - 1]]])) as Record<Method, [number, number]>;
  const medianCommits = [...commits].sort((a, b) => a.commits - b.commits)[Math.floor((commits.length - 1) / 2)]!;
  return { stories: stories.length, deliveries: deliveries.length, rounds, ranges, commits: medianCommits, ...medians };
}

type StoreVariant = { sync: "full" | "normal"; withFts: boolean };

/**
 * The storage half of the pipeline alone, at the pipeline's concurrency: each delivery's raw bytes
 * recorded (sha256 + insert), then its already parsed stories applied (dedupe, story, version,
 * change log, index) and published, as ingestDelivery does; µs per story, commits included.
 */
async function storeOnly(deliveries: readonly Uint8Array[], parsed: readonly ParsedDelivery[], variant: StoreVariant): Promise<number> {
  const stories = parsed.reduce((n, p) => n + p.stories.length, 0);
  const perSecond = await withContext(variant.sync, async (ctx, dbFile) => {
    if (!variant.withFts) {
      // The context's own connection (the process singleton): on this temp copy only, the FTS5 index
      // becomes a plain table of the same columns, so the store's index writes cost a bare insert.
      const sqlite = getProcessDb(dbFile, variant.sync).$client;
      sqlite.exec("drop trigger stories_fts_after_update; drop trigger stories_fts_after_delete; drop table stories_fts");
      sqlite.exec("create table stories_fts (rowid integer primary key, headline, slugline, byline, body_text)");
    }
    return inFlight(stories, deliveries.length, async (i) => {
      const bytes = deliveries[i]!;
      const receivedAt = new Date().toISOString();
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const { id } = await ctx.store.stories.recordDelivery({ channel: "cli", sourceName: "bench", raw: bytes, sha256, receivedAt });
      const { format, stories: items, recorded } = parsed[i]!;
      const applied = await ctx.store.stories.applyDelivery(id, format, items, recorded, receivedAt);
      ctx.publisher.storiesChanged(applied.changed);
    });
  });
  return 1e6 / perSecond;
}

/** Parse alone, one delivery after another (it is pure CPU), with sanitize and validation re-timed. */
function parseStages(deliveries: readonly Uint8Array[]): { parse: number; sanitize: number; validate: number; parsed: ParsedDelivery[] } {
  const t = { parse: 0, sanitize: 0, validate: 0, stories: 0 };
  const parsed: ParsedDelivery[] = [];
  for (const bytes of deliveries) {
    let mark = nowMs();
    const outcome = parseDelivery(bytes);
    t.parse += nowMs() - mark;
    if (!outcome.ok) throw new Error(outcome.error.message);
    parsed.push(outcome.value);
    for (const story of outcome.value.stories) {
      mark = nowMs();
      sanitizeWireHtml(story.bodyHtml);
      t.sanitize += nowMs() - mark;
      mark = nowMs();
      NormalizedStorySchema.safeParse(story);
      t.validate += nowMs() - mark;
    }
    t.stories += outcome.value.stories.length;
  }
  const perStory = (ms: number) => (ms * 1000) / t.stories;
  return { parse: perStory(t.parse), sanitize: perStory(t.sanitize), validate: perStory(t.validate), parsed };
}

/**
 * Where the time goes, in µs per story: parse (of which sanitize and schema validation, each re-timed
 * on the parsed stories); store, the storage half alone at the pipeline's concurrency (of which the
 * FTS index, from a run with a plain table in its place, and the commit fsync, from a run at
 * synchronous=NORMAL); and other: the one-core pipeline's total minus both (hashing, hand-offs, GC).
 */
export async function measureStages(deliveries: readonly Uint8Array[], pipelineStoriesPerSecond: number): Promise<StageTimes> {
  const { parse, sanitize, validate, parsed } = parseStages(deliveries);
  const store = await storeOnly(deliveries, parsed, { sync: "full", withFts: true });
  const noFts = await storeOnly(deliveries, parsed, { sync: "full", withFts: false });
  const normal = await storeOnly(deliveries, parsed, { sync: "normal", withFts: true });
  const total = 1e6 / pipelineStoriesPerSecond;
  return {
    parse,
    sanitize,
    validate,
    store,
    ftsIndex: Math.max(0, store - noFts),
    commitSync: Math.max(0, store - normal),
    other: Math.max(0, total - parse - store),
    total,
  };
}
