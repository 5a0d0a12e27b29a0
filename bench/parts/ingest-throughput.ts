import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { closeProcessDb, getProcessDb, openMigratedDb } from "@/db/client";
import { createContext } from "@/server/app";
import { setProcessContext, type AppContext } from "@/server/app-context";
import { parseEnv } from "@/server/env";
import { NormalizedStorySchema, type NormalizedStory } from "@/server/ingest/normalized-story";
import { parseDelivery } from "@/server/ingest/parse-delivery";
import { sanitizeWireHtml } from "@/server/ingest/sanitize";
import { ingestDelivery } from "@/server/ingest/service";
import { createLogger } from "@/server/logger";
import { makeTempDir, removeTempDir } from "../children";
import { nowMs } from "../clock";
import type { DocumentFormat } from "../documents";

/** Deliveries under way at once in the pipeline measurement. */
export const IN_FLIGHT = 64;

/** Stories per second for one way of taking in the same deliveries. */
export interface Throughputs {
  stories: number;
  deliveries: number;
  pipeline: number;
  parseOnly: number;
  bareInsert: number;
}

/** Microseconds per story spent in each stage of the pipeline. */
export interface StageTimes {
  recordRaw: number;
  parse: number;
  sanitize: number;
  validate: number;
  apply: number;
  ftsIndex: number;
  commitSync: number | null;
  other: number;
  total: number;
}

function withContext<T>(sync: "full" | "normal", run: (ctx: AppContext, dbFile: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir("ingest");
  const dbFile = path.join(dir, "wiredesk.db");
  const env = parseEnv({ NODE_ENV: "production", WIREDESK_DB: dbFile, WIREDESK_SQLITE_SYNC: sync, WIREDESK_LOG_LEVEL: "silent" });
  const ctx = createContext(env, createLogger("silent"));
  return run(ctx, dbFile).finally(async () => {
    await ctx.store.close();
    closeProcessDb();
    setProcessContext(undefined);
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

/** The bare baseline: one prepared INSERT of the same story rows, each its own commit, same schema and sync. */
function bareInsert(stories: readonly NormalizedStory[]): number {
  const dir = makeTempDir("bare");
  const db = openMigratedDb(path.join(dir, "bare.db"), "full");
  try {
    const insert = db.$client.prepare(`insert into stories (id, guid, agency_version, rev, seq, state, format, pub_status, agency, urgency, headline,
      subheadline, slugline, byline, dateline_text, dateline_place, dateline_date, dateline_source, language, abstract, body_html, body_text,
      word_count, editor_note, embargo_until, version_created, first_created, supersedes, signals, categories, keywords, received_at, updated_at)
      values (?, ?, ?, 1, ?, 'incoming', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const at = new Date().toISOString();
    const started = nowMs();
    stories.forEach((n, i) => {
      insert.run(randomBytes(12).toString("hex"), n.guid, n.version, i + 1, n.format, n.pubStatus, n.agency, n.urgency, n.headline, n.subheadline, n.slugline, n.byline,
        n.dateline.text, n.dateline.place, n.dateline.date, n.dateline.source, n.language, n.abstract, n.bodyHtml, n.bodyText, n.wordCount, n.editorNote,
        n.embargoUntil, n.versionCreated, n.firstCreated, JSON.stringify(n.supersedes), JSON.stringify(n.signals), JSON.stringify(n.categories), JSON.stringify(n.keywords), at, at);
    });
    return stories.length / ((nowMs() - started) / 1000);
  } finally {
    db.$client.close();
    removeTempDir(dir);
  }
}

/** Measures parse-only, the whole pipeline (ingestDelivery on a fresh database) and the bare insert. */
export async function measureThroughput(format: DocumentFormat, deliveries: readonly Uint8Array[]): Promise<Throughputs> {
  parseAll(deliveries.slice(0, Math.min(100, deliveries.length))); // warm the JIT before timing
  let started = nowMs();
  const stories = parseAll(deliveries);
  const parseOnly = stories.length / ((nowMs() - started) / 1000);
  const pipeline = await withContext("full", async (ctx) => {
    started = nowMs();
    // A busy wire: up to IN_FLIGHT deliveries under way at once (many feeds and channels), as on a
    // real desk; concurrent deliveries share group commits.
    let next = 0;
    const lane = async () => {
      while (next < deliveries.length) await ingestDelivery(ctx, deliveries[next++]!, { channel: "cli", sourceName: "bench" });
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    return stories.length / ((nowMs() - started) / 1000);
  });
  return { stories: stories.length, deliveries: deliveries.length, pipeline, parseOnly, bareInsert: bareInsert(stories) };
}

/** Runs the pipeline's steps one by one (as ingestDelivery does) and times each; µs per story. */
async function timeStages(deliveries: readonly Uint8Array[], options: { sync: "full" | "normal"; withFts: boolean }) {
  return withContext(options.sync, async (ctx, dbFile) => {
    if (!options.withFts) {
      // The context's own connection (the process singleton): on this temp copy only, the FTS5 index
      // becomes a plain table of the same columns, so the store's index writes cost a bare insert.
      const sqlite = getProcessDb(dbFile, options.sync).$client;
      sqlite.exec("drop trigger stories_fts_after_update; drop trigger stories_fts_after_delete; drop table stories_fts");
      sqlite.exec("create table stories_fts (rowid integer primary key, headline, slugline, byline, body_text)");
    }
    const t = { record: 0, parse: 0, apply: 0, sanitize: 0, validate: 0, stories: 0 };
    for (const bytes of deliveries) {
      const receivedAt = new Date().toISOString();
      let mark = nowMs();
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const { id } = await ctx.store.stories.recordDelivery({ channel: "cli", sourceName: "bench", raw: bytes, sha256, receivedAt });
      t.record += nowMs() - mark;
      mark = nowMs();
      const outcome = parseDelivery(bytes);
      t.parse += nowMs() - mark;
      if (!outcome.ok) throw new Error(outcome.error.message);
      mark = nowMs();
      await ctx.store.stories.applyDelivery(id, outcome.value.format, outcome.value.stories, outcome.value.recorded, receivedAt);
      t.apply += nowMs() - mark;
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
    return { record: perStory(t.record), parse: perStory(t.parse), apply: perStory(t.apply), sanitize: perStory(t.sanitize), validate: perStory(t.validate) };
  });
}

/**
 * Where the time goes, in µs per story: raw record, parse (of which sanitize and schema validation,
 * each re-timed on the parsed stories), apply (of which the FTS index, from a run with a plain table in its place,
 * and the commits' fsync, from a run with synchronous=NORMAL), and whatever else ingestDelivery does.
 */
export async function measureStages(deliveries: readonly Uint8Array[], pipelineStoriesPerSecond: number): Promise<StageTimes> {
  const full = await timeStages(deliveries, { sync: "full", withFts: true });
  const noFts = await timeStages(deliveries, { sync: "full", withFts: false });
  const normal = await timeStages(deliveries, { sync: "normal", withFts: true });
  const total = 1e6 / pipelineStoriesPerSecond;
  return {
    recordRaw: full.record,
    parse: full.parse,
    sanitize: full.sanitize,
    validate: full.validate,
    apply: full.apply,
    ftsIndex: Math.max(0, full.apply - noFts.apply),
    commitSync: Math.max(0, full.record + full.apply - (normal.record + normal.apply)),
    other: Math.max(0, total - (full.record + full.parse + full.apply)),
    total,
  };
}
