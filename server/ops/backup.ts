import Database from "better-sqlite3";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { openMigratedDb } from "@/db/client";

/** What a backup or restore copied. */
export interface CopyReport {
  pages: number;
  bytes: number;
  stories: number;
  lastSeq: number;
  ms: number;
}

function summary(db: Database.Database): { stories: number; lastSeq: number } {
  const stories = (db.prepare("select count(*) as n from stories").get() as { n: number }).n;
  const lastSeq = (db.prepare("select coalesce(max(seq), 0) as seq from changes").get() as { seq: number }).seq;
  return { stories, lastSeq };
}

function checkIntegrity(db: Database.Database, what: string): void {
  const problems = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (problems.join() !== "ok") throw new Error(`${what} failed PRAGMA integrity_check: ${problems.slice(0, 5).join("; ")}`);
}

/**
 * Copies the live database `source` into `target` with SQLite's online backup API, as one consistent
 * snapshot while the desk goes on writing (WAL: the copy reads, writers never wait for it). The copy is
 * written beside the target and renamed into place only once it passed `integrity_check`.
 */
export async function backupDatabase(source: string, target: string): Promise<CopyReport> {
  const started = Date.now();
  if (!existsSync(source)) throw new Error(`There is no database at ${source} (set WIREDESK_DB).`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // The first step opens the backup; the second copies every page in one step, inside one read
    // transaction: a snapshot no writer can interrupt, so the copy never restarts under load.
    const result = await db.backup(partial, { progress: () => 0x7fffffff });
    // The copy carries the source's WAL flag; a rollback journal makes the backup one self-contained file.
    const copy = new Database(partial);
    copy.pragma("journal_mode = DELETE");
    let counted: { stories: number; lastSeq: number };
    try {
      checkIntegrity(copy, "The backup");
      counted = summary(copy);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { pages: result.totalPages, bytes: statSync(target).size, ...counted, ms: Date.now() - started };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Restores the backup `file` into the database `target` (stop the desk first): the file is checked,
 * the current database is kept beside it as `<target>.before-restore-<time>`, the backup is copied in
 * with the backup API and brought up to this release's migrations.
 */
export async function restoreDatabase(file: string, target: string, now = new Date()): Promise<CopyReport & { keptAs: string | null }> {
  const started = Date.now();
  if (!existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  let keptAs: string | null = null;
  try {
    checkIntegrity(backup, "The backup file");
    if (existsSync(target)) {
      keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      const current = new Database(target);
      try {
        await current.backup(keptAs, { progress: () => 0x7fffffff });
      } finally {
        current.close();
      }
    }
    const result = await backup.backup(target, { progress: () => 0x7fffffff });
    const restored = openMigratedDb(target);
    try {
      checkIntegrity(restored.$client, "The restored database");
      return { pages: result.totalPages, bytes: statSync(target).size, ...summary(restored.$client), ms: Date.now() - started, keptAs };
    } finally {
      restored.$client.close();
    }
  } finally {
    backup.close();
  }
}
