import Database from "better-sqlite3";
import { fdatasync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";
import { WalSync, type DataSync } from "./wal-sync";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileDb(synchronous: "FULL" | "NORMAL" = "FULL") {
  const dir = mkdtempSync(path.join(tmpdir(), "wal-sync-"));
  dirs.push(dir);
  const sqlite = new Database(path.join(dir, "t.db"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.exec("create table t (id integer primary key, v text not null)");
  return { sqlite, insert: sqlite.prepare("insert into t (v) values (?) returning id") };
}

/** A disk flush the test finishes by hand, noting the synchronous level SQLite was at when it was asked for. */
function heldSync(sqlite: Database.Database) {
  const calls: { done: (error: Error | null) => void; levelAtCall: number }[] = [];
  const dataSync: DataSync = (_fd, done) => calls.push({ done, levelAtCall: sqlite.pragma("synchronous", { simple: true }) as number });
  return { calls, dataSync };
}

/** A file database at FULL with its WAL file made (its first flush finished), committing through a held flush. */
function walWithHeldSync() {
  const { sqlite, insert } = fileDb();
  const { calls, dataSync } = heldSync(sqlite);
  const wal = new WalSync(sqlite, dataSync);
  wal.commit(() => insert.get("creates the WAL file"));
  calls.splice(0).forEach((call) => call.done(null));
  return { sqlite, insert, calls, wal };
}

const settledSoon = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe("WAL sync off the event loop", () => {
  it("answers a commit only once the WAL is flushed, and leaves the connection at FULL", async () => {
    const { sqlite, insert, calls, wal } = walWithHeldSync();

    const { value, durable } = wal.commit(() => insert.get("kept") as { id: number });
    expect(value.id).toBe(2);
    // Committed (readable at once) but not yet answered: the flush is still under way.
    expect(sqlite.prepare("select count(*) as n from t").get()).toEqual({ n: 2 });
    expect(await settledSoon(durable)).toBe(false);
    expect(calls).toHaveLength(1);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    calls[0]!.done(null);
    await durable;
  });

  it("shares one flush among the commits made while another runs, and starts it only after them", async () => {
    const { insert, calls, wal } = walWithHeldSync();

    const first = wal.commit(() => insert.get("first")).durable;
    const later = Array.from({ length: 20 }, (_, i) => wal.commit(() => insert.get(`later ${i}`)).durable);
    expect(calls).toHaveLength(1); // the twenty wait for a flush that starts after their commits
    calls[0]!.done(null);
    await first;
    expect(await settledSoon(Promise.all(later))).toBe(false);
    expect(calls).toHaveLength(2);
    calls[1]!.done(null);
    await Promise.all(later);
    expect(calls).toHaveLength(2);
  });

  it("tells every commit waiting on a flush that failed, and the next commit gets a flush of its own", async () => {
    const { insert, calls, wal } = walWithHeldSync();

    const failing = wal.commit(() => insert.get("x")).durable;
    calls[0]!.done(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" }));
    await expect(failing).rejects.toThrow("the commit could not be flushed to the disk: EIO: i/o error, fdatasync");
    const next = wal.commit(() => insert.get("y")).durable;
    calls[1]!.done(null);
    await next;
  });

  it("throws a failing transaction at once, waits for nothing and keeps the connection's level", async () => {
    const { sqlite, calls, wal } = walWithHeldSync();
    expect(() =>
      wal.commit(() => {
        throw new Error("unit fails");
      }),
    ).toThrow("unit fails");
    expect(calls).toHaveLength(0);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("has nothing to flush for an in-memory database or one set to NORMAL", async () => {
    for (const sqlite of [new Database(":memory:"), fileDb("NORMAL").sqlite]) {
      const { calls, dataSync } = heldSync(sqlite);
      const wal = new WalSync(sqlite, dataSync);
      sqlite.exec("create table if not exists m (v)");
      for (let i = 0; i < 3; i++) await wal.commit(() => sqlite.prepare("insert into m values (?)").run(i)).durable;
      expect(calls).toHaveLength(0);
    }
  });

  it("through the group commit with the real flush: twenty units answered, all on disk, closed cleanly", async () => {
    const { sqlite, insert } = fileDb();
    const group = new GroupCommit(sqlite, new WalSync(sqlite, fdatasync));
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => group.run(() => (insert.get(`row ${i}`) as { id: number }).id)));
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await group.close();
    sqlite.close();
    const reopened = new Database(sqlite.name);
    expect(reopened.prepare("select count(*) as n from t").get()).toEqual({ n: 20 });
    reopened.close();
  });

  it("in the group commit, a unit's promise waits for the flush", async () => {
    const { sqlite, insert } = fileDb();
    const { calls, dataSync } = heldSync(sqlite);
    const group = new GroupCommit(sqlite, new WalSync(sqlite, dataSync));
    const warm = group.run(() => insert.get("creates the WAL file"));
    await new Promise((resolve) => setImmediate(resolve));
    calls.splice(0).forEach((call) => call.done(null));
    await warm;

    const pending = group.run(() => insert.get("x"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.levelAtCall).toBe(2);
    expect(await settledSoon(pending)).toBe(false);
    calls[0]!.done(null);
    await pending;
  });
});
