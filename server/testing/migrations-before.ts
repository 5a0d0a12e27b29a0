import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDb, type Db } from "@/db/client";

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");

/**
 * Opens `file` migrated by every migration before the one whose tag ends with `tagSuffix` (a copy
 * of the migrations folder, cut there, is written into `dir`), so a test can fill the database as an
 * older release left it and then run the real migrations on it.
 */
export function openDbMigratedBefore(dir: string, tagSuffix: string, file: string): Db {
  const before = path.join(dir, `migrations-before-${tagSuffix}`);
  cpSync(MIGRATIONS, before, { recursive: true });
  const journalFile = path.join(before, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  if (index <= 0) throw new Error(`no migration after the first ends with ${tagSuffix}`);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  const db = openDb(file);
  migrate(db, { migrationsFolder: before });
  return db;
}
