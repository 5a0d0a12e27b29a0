import type Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { openMigratedDb } from "@/db/client";
import type { NormalizedStory } from "@/server/domain/normalized-story";
import { makeTempDir, removeTempDir } from "../children";
import { nowMs } from "../clock";
import { percentile } from "../stats";

/** What the ingest floor is compared with, in the report's words. */
export const FLOOR_NAME =
  "bare prepared INSERT of the same story rows in the pipeline's commit groups (same schema, synchronous=FULL, no checkpoint inside a commit)";

/** How long one fsync of a small overwrite takes on the benchmark's file system, in milliseconds. */
export interface FsyncTime {
  median: number;
  p90: number;
  samples: number;
}

/** Story rows per commit as a pipeline run stored them, in commit order; `stop` removes the recorder. */
export interface CommitGroups {
  groups: number[];
  stop: () => void;
}

/**
 * Records how many story rows each transaction of `sqlite` commits (the stories table's largest rowid
 * read before and after each outermost transaction: two index lookups, microseconds beside a commit),
 * so that the floor can commit the same rows in the same groups. Transactions without story rows (the
 * raw deliveries' commits) are not groups of the floor.
 */
export function recordCommitGroups(sqlite: Database.Database): CommitGroups {
  const lastRowid = sqlite.prepare("select coalesce(max(rowid), 0) from stories").pluck();
  const original = sqlite.transaction.bind(sqlite);
  const groups: number[] = [];
  let depth = 0;
  const recording = (<F extends (...args: never[]) => unknown>(fn: F) =>
    original((...args: Parameters<F>) => {
      depth += 1;
      try {
        const before = depth === 1 ? (lastRowid.get() as number) : 0;
        const value = fn(...args);
        if (depth === 1) {
          const added = (lastRowid.get() as number) - before;
          if (added > 0) groups.push(added);
        }
        return value;
      } finally {
        depth -= 1;
      }
    })) as Database.Database["transaction"];
  Object.defineProperty(sqlite, "transaction", { value: recording, configurable: true, writable: true });
  return { groups, stop: () => Reflect.deleteProperty(sqlite, "transaction") };
}

/**
 * The floor of ingest: the same story rows through one prepared INSERT, committed in the same groups as
 * the pipeline committed them (so the same number of fsyncs), same schema and synchronous=FULL, with the
 * automatic WAL checkpoint off (the pipeline's checkpoints run outside its commits too). No parsing, no
 * dedupe, no version, change log, index or raw delivery: nothing the pipeline does can cost less.
 */
export function floorInsert(stories: readonly NormalizedStory[], groups: readonly number[]): number {
  const grouped = groups.reduce((n, size) => n + size, 0);
  if (grouped !== stories.length) throw new Error(`the pipeline's commit groups hold ${grouped} story rows, not the ${stories.length} stories it was given`);
  const dir = makeTempDir("floor");
  const db = openMigratedDb(path.join(dir, "floor.db"), "full");
  try {
    db.$client.pragma("wal_autocheckpoint = 0");
    const insert = db.$client.prepare(`insert into stories (id, guid, agency_version, rev, seq, state, format, pub_status, agency, urgency, headline,
      subheadline, slugline, byline, dateline_text, dateline_place, dateline_date, dateline_source, language, abstract, body_html, body_text,
      word_count, editor_note, embargo_until, version_created, first_created, supersedes, signals, categories, keywords, received_at, updated_at)
      values (?, ?, ?, 1, ?, 'incoming', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const at = new Date().toISOString();
    const commit = db.$client.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const n = stories[i]!;
        insert.run(randomBytes(12).toString("hex"), n.guid, n.version, i + 1, n.format, n.pubStatus, n.agency, n.urgency, n.headline, n.subheadline, n.slugline, n.byline,
          n.dateline.text, n.dateline.place, n.dateline.date, n.dateline.source, n.language, n.abstract, n.bodyHtml, n.bodyText, n.wordCount, n.editorNote,
          n.embargoUntil, n.versionCreated, n.firstCreated, JSON.stringify(n.supersedes), JSON.stringify(n.signals), JSON.stringify(n.categories), JSON.stringify(n.keywords), at, at);
      }
    });
    const started = nowMs();
    let from = 0;
    for (const size of groups) {
      commit(from, from + size);
      from += size;
    }
    return stories.length / ((nowMs() - started) / 1000);
  } finally {
    db.$client.close();
    removeTempDir(dir);
  }
}

/**
 * This machine's fsync, measured where the benchmark's databases live: `samples` overwrites of one 4 KiB
 * block, each followed by fsync (a commit at synchronous=FULL in WAL mode costs at least one).
 */
export function measureFsync(samples = 50): FsyncTime {
  const dir = makeTempDir("fsync");
  const fd = openSync(path.join(dir, "probe"), "w");
  try {
    const block = randomBytes(4096);
    writeSync(fd, block, 0, block.length, 0);
    fsyncSync(fd);
    const times = new Float64Array(samples);
    for (let i = 0; i < samples; i++) {
      block[0] = i & 0xff;
      const started = nowMs();
      writeSync(fd, block, 0, block.length, 0);
      fsyncSync(fd);
      times[i] = nowMs() - started;
    }
    times.sort();
    return { median: percentile(times, 50), p90: percentile(times, 90), samples };
  } finally {
    closeSync(fd);
    removeTempDir(dir);
  }
}
