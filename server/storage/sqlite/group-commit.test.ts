import { once } from "node:events";
import { createServer, connect, type AddressInfo, type Socket } from "node:net";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit";

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
});
