/**
 * Generates a large, realistic Wiredesk database for benchmarks: `npx tsx bench/generate-db.ts
 * [--stories N] [--out FILE] [--seed S] [--days D]` (default 1,000,000 stories into
 * bench/tmp/queue-1m.db). The schema comes from the real migrations (with the full-text index and the
 * per-state counts filled); a FILE.meta.json beside it lists the vocabulary by frequency rank, so a
 * benchmark can draw realistic queries. Speed comes from prepared statements in big transactions with
 * synchronous=OFF and no journal (this generator only; a crash means run it again).
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openMigratedDb } from "../db/client";
import { Random } from "./corpus/random";
import { inlineRowSource, workerRowSource, type RowPlan } from "./corpus/row-source";
import { BENCH_DESKS, type StoryRow } from "./corpus/story-rows";
import { buildVocabulary } from "./corpus/vocabulary";

/** What to generate. */
export interface GenerateOptions {
  stories: number;
  out: string;
  seed?: number;
  /** Stories are spread evenly over this many days up to `now`. */
  days?: number;
  now?: number;
  vocabularySize?: number;
  /** Build the text on a worker thread (needs tsx installed); default: from 50,000 stories on. */
  useWorker?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** What was generated; also written to `<out>.meta.json`. */
export interface GeneratedMeta {
  stories: number;
  seed: number;
  days: number;
  generatedAt: string;
  seconds: number;
  /** Every word of the corpus, most frequent first. */
  vocabulary: string[];
}

const BATCH = 25_000;
const BENCH_USER = "bench-editor";

const INSERT_STORY = `insert into stories (rowid, id, guid, agency_version, rev, seq, state, format, pub_status, agency, urgency,
  headline, slugline, byline, language, body_html, body_text, word_count, categories, keywords, taken_by, desk_id, received_at, updated_at)
  values (@rowid, @id, @guid, 1, @rev, @seq, @state, 'ninjs', @pubStatus, @agency, @urgency,
  @headline, @slugline, @byline, @language, @bodyHtml, @bodyText, @wordCount, @categories, @keywords, @takenBy, @deskId, @receivedAt, @updatedAt)`;

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal", ".meta.json"]) rmSync(`${file}${suffix}`, { force: true });
}

/** Generates the database file (replacing any earlier one) and returns what it holds. */
export async function generateDatabase(options: GenerateOptions): Promise<GeneratedMeta> {
  const started = performance.now();
  const seed = options.seed ?? 42;
  const days = options.days ?? 180;
  const now = options.now ?? Date.now();
  removeDatabase(options.out);
  const db = openMigratedDb(options.out, "normal");
  const sqlite = db.$client;
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("temp_store = MEMORY");

  const vocabulary = buildVocabulary(options.vocabularySize ?? 5000, new Random(seed));
  const createdAt = new Date(now - days * 86_400_000).toISOString();
  sqlite.transaction(() => {
    sqlite
      .prepare("insert into users (id, email, name, role, password_hash, active, created_at, updated_at) values (?, ?, ?, 'editor', '!', 1, ?, ?)")
      .run(BENCH_USER, "bench-editor@bench.wiredesk", "Bench Editor", createdAt, createdAt);
    BENCH_DESKS.forEach((desk, i) => {
      sqlite.prepare("insert into desks (id, name, created_at) values (?, ?, ?)").run(desk.id, desk.name, new Date(now - days * 86_400_000 + i).toISOString());
      desk.rules.forEach((r, position) =>
        sqlite.prepare("insert into desk_rules (desk_id, agency, category, keyword, urgency_max, position) values (?, ?, ?, ?, ?, ?)").run(desk.id, r.agency, r.category, r.keyword, r.urgencyMax, position),
      );
    });
  })();

  // The triggers on stories are set aside during the load and put back word for word: a statement that
  // fires a trigger opens a savepoint, and FTS5 flushes its buffer at each one, which makes a bulk load
  // several times slower. The load fills the index and the state counts itself.
  const triggers = sqlite.prepare<[], { name: string; sql: string }>("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'stories'").all();
  if (!triggers.some((t) => t.name === "story_state_counts_after_insert")) throw new Error("the migrations did not create story_state_counts_after_insert");
  for (const t of triggers) sqlite.exec(`drop trigger ${t.name}`);
  const insertFts = sqlite.prepare("insert into stories_fts (rowid, headline, slugline, byline, body_text) values (?, ?, ?, ?, ?)");
  const insertStory = sqlite.prepare(INSERT_STORY);
  const insertChange = sqlite.prepare("insert into changes (seq, story_id, kind, actor_id, at) values (?, ?, 'created', null, ?)");
  const insertGuid = sqlite.prepare("insert into story_guids (guid, story_id) values (?, ?)");
  const plan: RowPlan = { seed, vocabulary, stories: options.stories, startMs: now - days * 86_400_000, stepMs: (days * 86_400_000) / options.stories, nowMs: now };
  const source = (options.useWorker ?? options.stories >= 50_000) ? workerRowSource(plan, BATCH) : inlineRowSource(plan);
  const insertBatch = sqlite.transaction((rows: StoryRow[]) => {
    for (const row of rows) {
      insertStory.run({ ...row, takenBy: row.state === "in_progress" ? BENCH_USER : null });
      insertFts.run(row.rowid, row.headline, row.slugline, row.byline, row.bodyText);
      insertChange.run(row.seq, row.id, row.receivedAt);
      insertGuid.run(row.guid, row.id);
    }
  });
  // A bigger in-memory buffer while loading means fewer, larger index segments to merge.
  sqlite.exec(`insert into stories_fts (stories_fts, rank) values ('hashsize', ${64 * 1024 * 1024})`);
  try {
    for (let from = 1; from <= options.stories; from += BATCH) {
      const to = Math.min(options.stories, from + BATCH - 1);
      insertBatch(await source.next(from, to));
      options.onProgress?.(to, options.stories);
    }
  } finally {
    await source.close();
  }
  sqlite.exec(`insert into stories_fts (stories_fts, rank) values ('hashsize', ${1024 * 1024})`);
  for (const t of triggers) sqlite.exec(t.sql);
  sqlite.exec("delete from story_state_counts; insert into story_state_counts (state, count) select state, count(*) from stories group by state");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();

  const meta: GeneratedMeta = { stories: options.stories, seed, days, generatedAt: new Date(now).toISOString(), seconds: (performance.now() - started) / 1000, vocabulary };
  writeFileSync(`${options.out}.meta.json`, JSON.stringify(meta));
  return meta;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { stories: { type: "string", default: "1000000" }, out: { type: "string" }, seed: { type: "string", default: "42" }, days: { type: "string", default: "180" } },
  });
  const stories = Number(values.stories);
  if (!Number.isInteger(stories) || stories < 1) throw new Error("--stories must be a positive whole number");
  const out = path.resolve(values.out ?? `bench/tmp/queue-${stories >= 1_000_000 ? `${stories / 1_000_000}m` : stories}.db`);
  if (existsSync(out)) process.stderr.write(`replacing ${out}\n`);
  let lastReport = 0;
  const meta = await generateDatabase({
    stories,
    useWorker: true,
    out,
    seed: Number(values.seed),
    days: Number(values.days),
    onProgress: (done, total) => {
      if (done === total || performance.now() - lastReport > 5000) {
        lastReport = performance.now();
        process.stderr.write(`${done.toLocaleString("en")} / ${total.toLocaleString("en")} stories\n`);
      }
    },
  });
  process.stderr.write(`generated ${meta.stories.toLocaleString("en")} stories in ${meta.seconds.toFixed(1)} s: ${out}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
