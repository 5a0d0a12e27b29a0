import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer, connect, type AddressInfo, type Socket } from "node:net";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";
import { fsyncFile } from "./wal-sync";

function setup() {
  const sqlite = new Database(":memory:");
  sqlite.exec("create table t (id integer primary key, v text not null)");
  return { sqlite, group: new GroupCommit(sqlite), insert: sqlite.prepare("insert into t (v) values (?) returning id") };
}

describe("group commit", () => {
  it("runs concurrent units in one transaction, each with its own result", async () => {
    const { sqlite, group, insert } = setup();
    const seenOpenTransaction: boolean[] = [];
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        group.run(() => {
          seenOpenTransaction.push(sqlite.inTransaction);
          return (insert.get(`row ${i}`) as { id: number }).id;
        }),
      ),
    );
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(seenOpenTransaction.every(Boolean)).toBe(true);
    expect(sqlite.inTransaction).toBe(false);
    expect((sqlite.prepare("select count(*) as n from t").get() as { n: number }).n).toBe(20);
  });

  it("rolls back a failing unit alone; the others in its group are committed", async () => {
    const { sqlite, group, insert } = setup();
    const results = await Promise.allSettled([
      group.run(() => insert.get("kept 1")),
      group.run(() => {
        insert.get("rolled back");
        throw new Error("this unit fails");
      }),
      group.run(() => insert.get("kept 2")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("this unit fails"));
    expect(sqlite.prepare("select v from t order by id").all()).toEqual([{ v: "kept 1" }, { v: "kept 2" }]);
  });

  it("settles a promise only after its unit is committed", async () => {
    const { sqlite, group, insert } = setup();
    const pending = group.run(() => insert.get("x"));
    expect((sqlite.prepare("select count(*) as n from t").get() as { n: number }).n).toBe(0);
    await pending;
    expect((sqlite.prepare("select count(*) as n from t").get() as { n: number }).n).toBe(1);
  });

  it("shares a value made once per transaction and runs finishers after the last unit, before the commit", async () => {
    const { sqlite, group, insert } = setup();
    let made = 0;
    const order: string[] = [];
    await Promise.all(
      ["a", "b", "c"].map((v) =>
        group.run((tx) => {
          const shared = tx.once("shared", () => {
            made += 1;
            tx.beforeCommit(() => order.push(`finish (in transaction: ${sqlite.inTransaction})`));
            return v;
          });
          order.push(`unit ${v} sees ${shared}`);
          insert.get(v);
        }),
      ),
    );
    expect(made).toBe(1);
    expect(order).toEqual(["unit a sees a", "unit b sees a", "unit c sees a", "finish (in transaction: true)"]);
  });

  it("after a failing unit, runs each other unit again in its own transaction, with its own finishers", async () => {
    const { sqlite, group, insert } = setup();
    const finished: string[] = [];
    const unit = (v: string, fail = false) =>
      group.run((tx) => {
        insert.get(v);
        tx.once("finisher", () => tx.beforeCommit(() => finished.push(v)));
        if (fail) throw new Error(`unit ${v} fails`);
        return v;
      });
    const results = await Promise.allSettled([unit("one"), unit("two", true), unit("three")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(sqlite.prepare("select v from t order by id").all()).toEqual([{ v: "one" }, { v: "three" }]);
    // The group attempt's finisher never ran (it threw first); then one per unit that committed alone.
    expect(finished).toEqual(["one", "three"]);
  });

  it("with afterIo, reads what already arrived on a socket before committing; a plain unit brings the commit back", async () => {
    const { sqlite, group, insert } = setup();
    const server = createServer();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const accepted = once(server, "connection") as Promise<[Socket]>;
    const client = connect((server.address() as AddressInfo).port, "127.0.0.1");
    await once(client, "connect");
    const [peer] = await accepted;
    try {
      const order: string[] = [];
      peer.on("data", () => order.push("bytes read"));
      const unit = (name: string) => () => (order.push(`${name} committed`), insert.get(name));

      // As in the server: units queued by a socket read (the poll phase), here on a nudge from the peer.
      const onNudge = <T>(work: () => Promise<T>) =>
        new Promise<T>((resolve) => {
          client.once("data", () => resolve(work()));
          peer.write("go");
        });

      // A keystroke relayed, then stored: the relay is read before the fsync of the store.
      await onNudge(() => (client.write("relay 1"), group.run(unit("update 1"), { afterIo: true })));
      expect(order).toEqual(["bytes read", "update 1 committed"]);

      // The same, but an ingest unit joins in the same turn: one commit, at once, before the read.
      order.length = 0;
      await onNudge(() => (client.write("relay 2"), Promise.all([group.run(unit("update 2"), { afterIo: true }), group.run(unit("ingest"))])));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(order).toEqual(["update 2 committed", "ingest committed", "bytes read"]);
      expect((sqlite.prepare("select count(*) as n from t").get() as { n: number }).n).toBe(3);
    } finally {
      client.destroy();
      server.close();
    }
  });

  describe("on a WAL file at synchronous=FULL", () => {
    /** A file database as the server opens it, with the WAL's fsync held until the test lets it go. */
    function onFile() {
      const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-group-"));
      const sqlite = new Database(path.join(dir, "t.db"));
      sqlite.pragma("journal_mode = WAL");
      sqlite.pragma("synchronous = FULL");
      sqlite.exec("create table t (id integer primary key, v text not null)");
      const syncs: { release: () => void; fail: (error: Error) => void }[] = [];
      const group = new GroupCommit(sqlite, {
        sync: () => new Promise<void>((resolve, reject) => syncs.push({ release: resolve, fail: reject })),
      });
      const count = () => (sqlite.prepare("select count(*) as n from t").get() as { n: number }).n;
      const insert = sqlite.prepare("insert into t (v) values (?) returning id");
      /** A unit whose rows nobody reads before it is answered (a co-editing update). */
      const quiet = (v: string) => group.run(() => insert.get(v), { afterIo: true, syncOffLoop: true });
      return { sqlite, group, syncs, count, insert, quiet, cleanUp: () => (sqlite.close(), rmSync(dir, { recursive: true, force: true })) };
    }
    const turns = async (n = 2) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
    };

    it("settles an off-loop unit only once the WAL is synced, and leaves the connection at FULL", async () => {
      const { sqlite, syncs, count, quiet, cleanUp } = onFile();
      try {
        let settled = false;
        const pending = quiet("x").then((row) => ((settled = true), row));
        await turns(3);
        // Committed but not acknowledged: the fsync is still running.
        expect(count()).toBe(1);
        expect(syncs).toHaveLength(1);
        expect(settled).toBe(false);
        expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
        syncs[0]!.release();
        expect(await pending).toEqual({ id: 1 });
      } finally {
        cleanUp();
      }
    });

    it("syncs on the loop any group with a unit whose rows others read (a seq, an event): never seen before it is durable", async () => {
      const { group, syncs, insert, quiet, cleanUp } = onFile();
      try {
        expect(await group.run(() => insert.get("ingest"))).toEqual({ id: 1 });
        // An update and an ingest unit in one group: the ingest decides.
        expect(await Promise.all([quiet("update"), group.run(() => insert.get("ingest 2"))])).toEqual([{ id: 2 }, { id: 3 }]);
        expect(syncs).toHaveLength(0);
      } finally {
        cleanUp();
      }
    });

    it("shares one fsync among the groups that commit while one runs (25 units in three turns: two fsyncs)", async () => {
      const { syncs, count, quiet, cleanUp } = onFile();
      try {
        const settled: number[] = [];
        const unit = (i: number) => quiet(`row ${i}`).then(() => settled.push(i));
        const first = Array.from({ length: 5 }, (_, i) => unit(i));
        await turns(3);
        expect(syncs).toHaveLength(1);
        // Two more groups commit while the first fsync runs: both wait for the next fsync, which starts after it.
        const second = Array.from({ length: 10 }, (_, i) => unit(5 + i));
        await turns(3);
        const third = Array.from({ length: 10 }, (_, i) => unit(15 + i));
        await turns(3);
        expect(count()).toBe(25);
        expect(syncs).toHaveLength(1);
        syncs[0]!.release();
        await Promise.all(first);
        expect(settled.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
        await turns(1);
        expect(syncs).toHaveLength(2);
        syncs[1]!.release();
        await Promise.all([...second, ...third]);
        expect(settled).toHaveLength(25);
        expect(syncs).toHaveLength(2);
      } finally {
        cleanUp();
      }
    });

    it("fails the units of a commit whose fsync fails (durability unknown; callers retry), and syncs every later commit on the loop", async () => {
      const { syncs, quiet, cleanUp } = onFile();
      try {
        const failed = quiet("a");
        await turns(3);
        syncs[0]!.fail(Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" }));
        await expect(failed).rejects.toThrow(/EIO/);
        expect(await quiet("b")).toEqual({ id: 2 });
        expect(syncs).toHaveLength(1);
      } finally {
        cleanUp();
      }
    });

    it("syncs the WAL SQLite really writes, also through a symlink; a WAL path that is not there is an error, never a silent no-op", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-group-"));
      try {
        mkdirSync(path.join(dir, "real"));
        const link = path.join(dir, "link.db");
        symlinkSync(path.join(dir, "real", "t.db"), link);
        const sqlite = new Database(link);
        sqlite.pragma("journal_mode = WAL");
        sqlite.pragma("synchronous = FULL");
        sqlite.exec("create table t (v text)");
        const group = new GroupCommit(sqlite);
        const insert = sqlite.prepare("insert into t values (?)");
        for (let i = 0; i < 3; i++) expect(await group.run(() => insert.run(`kept ${i}`).changes, { syncOffLoop: true })).toBe(1);
        sqlite.close();
        await expect(fsyncFile(path.join(dir, "gone.db-wal"))()).rejects.toThrow(/ENOENT/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("asks for no fsync of its own in memory or at synchronous=NORMAL", async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-group-"));
      try {
        for (const sqlite of [new Database(":memory:"), new Database(path.join(dir, "normal.db"))]) {
          sqlite.pragma("journal_mode = WAL");
          sqlite.pragma("synchronous = NORMAL");
          let synced = 0;
          const group = new GroupCommit(sqlite, { sync: async () => void (synced += 1) });
          expect(await group.run(() => 7, { syncOffLoop: true })).toBe(7);
          expect(synced).toBe(0);
          sqlite.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
