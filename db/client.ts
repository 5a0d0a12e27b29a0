import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { planMigrations, type MigrationPlan } from "./migration-plan";
import { MIGRATIONS_DIR } from "./migration-status";
import * as schema from "./schema";

/** The drizzle database type used by every repository. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** How hard SQLite syncs: FULL survives power loss, NORMAL is faster and may lose the last commits. */
export type SyncMode = "full" | "normal";

/** Hears, before pending migrations start, what they will do and about how long they will take. */
export type OnMigrationPlan = (plan: MigrationPlan) => void;

/** Opens a SQLite file (or ":memory:") with WAL, the chosen sync mode, foreign keys and a busy timeout. */
export function openDb(file: string, sync: SyncMode = "full"): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // Set explicitly: a fresh WAL file otherwise keeps FULL while a reopened one defaults to NORMAL.
  sqlite.pragma(`synchronous = ${sync === "full" ? "FULL" : "NORMAL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Statement journals in memory: a statement that may need undoing alone inside a larger transaction
  // (one that fires a trigger or checks a foreign key) copies every page it changes that the
  // transaction had already changed; past 64 KB that copy went to a temp file, so a group commit of
  // ingested stories made about 16 extra file writes per story. Temp tables and sorts live in memory too.
  sqlite.pragma("temp_store = MEMORY");
  return drizzle({ client: sqlite, schema });
}

/** Applies the committed drizzle-kit migrations synchronously (telling `onPlan` first, when any are pending). */
export function migrateDb(db: Db, onPlan?: OnMigrationPlan): void {
  if (onPlan) {
    const plan = planMigrations(db.$client);
    if (plan.steps.length > 0) onPlan(plan);
  }
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

/** Opens and migrates a database in one step. */
export function openMigratedDb(file: string, sync: SyncMode = "full", onPlan?: OnMigrationPlan): Db {
  const db = openDb(file, sync);
  migrateDb(db, onPlan);
  return db;
}

const globalForDb = globalThis as unknown as { wiredeskDb?: { file: string; db: Db } };

/**
 * The one database connection of this process, kept on globalThis so that every bundle
 * (the custom server and anything Next bundles separately) shares it.
 */
export function getProcessDb(file: string, sync: SyncMode = "full", onPlan?: OnMigrationPlan): Db {
  const current = globalForDb.wiredeskDb;
  if (current && current.file === file && current.db.$client.open) return current.db;
  const db = openMigratedDb(file, sync, onPlan);
  globalForDb.wiredeskDb = { file, db };
  return db;
}

/** Closes the process database, if open. */
export function closeProcessDb(): void {
  const current = globalForDb.wiredeskDb;
  if (current?.db.$client.open) current.db.$client.close();
  globalForDb.wiredeskDb = undefined;
}
