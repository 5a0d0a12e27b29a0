import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { Checkpointer } from "./checkpointer";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openFile() {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-checkpoint-"));
  dirs.push(dir);
  const file = path.join(dir, "wiredesk.db");
  const sqlite = openDb(file).$client;
  sqlite.exec("create table t (id integer primary key, v blob)");
  return { sqlite, file };
}

/** Commits about 2 MB in one transaction: it stays in the WAL until something checkpoints it. */
function write2Mb(sqlite: ReturnType<typeof openFile>["sqlite"]): void {
  const insert = sqlite.prepare("insert into t (v) values (?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 512; i++) insert.run(Buffer.alloc(4000, i % 251));
  })();
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe("Checkpointer", () => {
  it("moves committed pages into the database file while the writer never checkpoints", async () => {
    const { sqlite, file } = openFile();
    const errors: string[] = [];
    const checkpointer = Checkpointer.start(sqlite, (message) => errors.push(message), 50)!;
    try {
      expect(checkpointer).not.toBeNull();
      expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
      write2Mb(sqlite);
      expect(await waitFor(() => statSync(file).size > 2_000_000, 5_000)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await checkpointer.stop();
      sqlite.close();
    }
  });

  it("checkpoints what is left when stopped, and stopping twice is harmless", async () => {
    const { sqlite, file } = openFile();
    const checkpointer = Checkpointer.start(sqlite, () => undefined, 60_000)!;
    const before = statSync(file).size;
    write2Mb(sqlite);
    // No checkpoint is due for a minute, and the writer's commit copied nothing into the file.
    expect(statSync(file).size).toBe(before);
    await checkpointer.stop();
    await checkpointer.stop();
    expect(statSync(file).size).toBeGreaterThan(2_000_000);
    // The writer's own connection still works and still sees every row.
    expect(sqlite.prepare("select count(*) as n from t").get()).toEqual({ n: 512 });
    sqlite.close();
  });

  it("hands checkpoints back to the writer, and says why, when the worker cannot run", async () => {
    const { sqlite, file } = openFile();
    const errors: string[] = [];
    // The worker opens the file by name only after it has started: gone by then, it fails.
    const checkpointer = Checkpointer.start(sqlite, (message) => errors.push(message), 50)!;
    rmSync(file);
    try {
      expect(await waitFor(() => errors.length > 0, 5_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(errors).toHaveLength(1); // said once, not at every interval
      expect(errors[0]).toMatch(/background checkpoint failed: cannot open the database: .*unable to open/);
      expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    } finally {
      await checkpointer.stop();
      sqlite.close();
    }
  });

  it("does not start for an in-memory database", () => {
    const sqlite = openDb(":memory:").$client;
    expect(Checkpointer.start(sqlite, () => undefined)).toBeNull();
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    sqlite.close();
  });
});
