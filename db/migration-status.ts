import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

/** The committed drizzle-kit migrations, beside this file (also in the compiled `dist/`). */
export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this build ships, oldest first (from the drizzle-kit journal). */
export function shippedMigrations(folder = MIGRATIONS_DIR): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * The tags of shipped migrations this database has not applied yet (drizzle applies, in order, every
 * migration newer than the newest one recorded in `__drizzle_migrations`).
 */
export function pendingMigrations(sqlite: Database.Database, folder = MIGRATIONS_DIR): string[] {
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get() !== undefined;
  const newest = hasTable ? ((sqlite.prepare("select max(created_at) as newest from __drizzle_migrations").get() as { newest: number | null }).newest ?? 0) : 0;
  return shippedMigrations(folder)
    .filter((entry) => entry.when > Number(newest))
    .map((entry) => entry.tag);
}
