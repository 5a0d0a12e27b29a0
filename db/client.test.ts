import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb, type SyncMode } from "./client";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(sync: SyncMode) {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-client-"));
  dirs.push(dir);
  return openDb(path.join(dir, "wiredesk.db"), sync).$client;
}

describe("openDb", () => {
  it.each([
    ["full", 2],
    ["normal", 1],
  ] as const)("opens a file in WAL mode with foreign keys, synchronous=%s and statement journals in memory", (sync, level) => {
    const sqlite = open(sync);
    try {
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(sqlite.pragma("synchronous", { simple: true })).toBe(level);
      expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
      // 2 = MEMORY: statement journals of a group commit never spill to temp files.
      expect(sqlite.pragma("temp_store", { simple: true })).toBe(2);
    } finally {
      sqlite.close();
    }
  });
});
