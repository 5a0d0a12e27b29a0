import { statSync } from "node:fs";
import type { Db } from "@/db/client";
import { pendingMigrations } from "@/db/migration-status";
import type { OpsStore } from "../ops-store";

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The SQLite implementation of the whole-database operations. */
export function createSqliteOpsStore(db: Db): OpsStore {
  const sqlite = db.$client;
  return {
    async readiness() {
      try {
        if (sqlite.readonly) return { writable: false, pendingMigrations: [], problem: "the database is open read-only" };
        // Taking the write lock proves the file, its directory and the WAL accept writes; nothing is written.
        sqlite.exec("BEGIN IMMEDIATE");
        sqlite.exec("ROLLBACK");
        const pending = pendingMigrations(sqlite);
        return { writable: true, pendingMigrations: pending, problem: pending.length > 0 ? `migrations not applied: ${pending.join(", ")}` : null };
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        return { writable: false, pendingMigrations: [], problem: error instanceof Error ? error.message : String(error) };
      }
    },
    async sizeBytes() {
      if (sqlite.memory) return 0;
      return fileSize(sqlite.name) + fileSize(`${sqlite.name}-wal`);
    },
    async integrityCheck() {
      return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
    },
    async backup(file) {
      // better-sqlite3 copies a step of pages per event-loop turn, so the desk keeps serving meanwhile.
      const result = await sqlite.backup(file, { progress: () => 256 });
      return { pages: result.totalPages, bytes: fileSize(file) };
    },
  };
}
