import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { seedStories } from "../testing/seed-stories";
import { nextEvent } from "../testing/socket-events";
import { startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";
import { runRetention, runRetentionIfDue } from "./retention";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function get(s: TestServer, cookie: string, path: string): Promise<number> {
  return (await fetch(`${s.url}${path}`, { headers: { cookie } })).status;
}

function rowCount(s: TestServer, table: string): number {
  // The test reads the real file through its own connection, as an operator's sqlite3 would.
  const db = new Database(s.dbFile, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("retention", () => {
  it("removes unused old copy, old raw bytes, audit rows and the old change log, never published stories; desks behind the log refetch", async () => {
    server = await startTestServer();
    const chief = await server.signIn("chief");
    const ctx = server.desk.ctx;
    const [unused, published, edited] = await seedStories(ctx, [{ headline: "Nobody wanted this" }, { headline: "Front page" }, { headline: "Co-edited" }], daysAgo(60));
    const fresh = await seedStories(ctx, [{ headline: "Just in" }]);
    // A story the desk wrote (Shift+N), released and left untouched: incoming, but never the wire's to drop.
    const created = await fetch(`${server.url}/api/stories`, { method: "POST", headers: { cookie: chief.cookie, "content-type": "application/json", origin: server.url }, body: "{}" });
    expect(created.status).toBe(201);
    const ownStory = ((await created.json()) as { id: string }).id;
    await walk(server, chief.cookie, ownStory, ["release"]);
    await walk(server, chief.cookie, published!, ["take", "submit", "approve", "publish"]);
    // A co-editing log with two updates nobody has touched since (as a crash can leave it).
    const doc = new Y.Doc();
    await ctx.store.deskCopy.createDoc(edited!, Y.encodeStateAsUpdate(doc), 1);
    doc.getText("t").insert(0, "kept text");
    await ctx.store.deskCopy.appendUpdate(edited!, Y.encodeStateAsUpdate(doc), null);
    const quarantined = await server.ingest("not a wire format at all \u0000\u0001");
    expect(quarantined.status).toBe(422);
    const seqBefore = await ctx.store.stories.currentSeq();
    expect(rowCount(server, "delivery_raw")).toBe(3);

    // Forty days on: the change log (7 days), incoming copy (30), co-editing logs (7) and the raw bytes
    // (90) of the delivery received 60 days before; the newer delivery's bytes stay.
    const result = await runRetention(ctx, Date.now() + 40 * DAY);
    expect(result).toMatchObject({ unusedStories: 2, collabLogsCompacted: 1, rawDeliveries: 1, auditRows: 0 });
    expect(await get(server, chief.cookie, `/api/stories/${unused}`)).toBe(404);
    expect(await get(server, chief.cookie, `/api/stories/${fresh[0]}`)).toBe(404);
    expect(await get(server, chief.cookie, `/api/stories/${published}`)).toBe(200);
    expect(await get(server, chief.cookie, `/api/v1/published/${published}`)).toBe(200);
    expect(await get(server, chief.cookie, `/api/stories/${ownStory}`)).toBe(200);
    const history = (await (await fetch(`${server.url}/api/stories/${published}/history`, { headers: { cookie: chief.cookie } })).json()) as { entries: unknown[] };
    expect(history.entries).toHaveLength(4);
    expect(await get(server, chief.cookie, `/api/stories/${edited}`)).toBe(200);
    const stored = await ctx.store.deskCopy.loadDoc(edited!);
    expect(stored.updates).toHaveLength(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.state!);
    expect(reloaded.getText("t").toJSON()).toBe("kept text");
    // The newest change stays: it carries the current seq.
    expect(rowCount(server, "changes")).toBe(1);
    expect(await ctx.store.stories.currentSeq()).toBe(seqBefore);
    expect(result.changeLogFloor).toBe(seqBefore);

    // A desk that was away since before the floor refetches; one that is up to date just completes.
    const stale = server.connect(chief.cookie, { lastSeq: 1 });
    expect(await nextEvent(stale, "sync:stale")).toEqual({ seq: seqBefore, reason: "too_far_behind" });
    const current = server.connect(chief.cookie, { lastSeq: seqBefore - 1 });
    expect(await nextEvent(current, "sync:completed")).toMatchObject({ seq: seqBefore });

    // A hundred days on: raw bytes (90) go, except a quarantined delivery's; audit rows (365) stay.
    const later = await runRetention(ctx, Date.now() + 100 * DAY);
    expect(later.rawDeliveries).toBe(1);
    expect(rowCount(server, "delivery_raw")).toBe(1);
    expect(rowCount(server, "deliveries")).toBe(3);
    expect(rowCount(server, "audit_log")).toBeGreaterThan(0);
    const afterYear = await runRetention(ctx, Date.now() + 400 * DAY);
    expect(afterYear.auditRows).toBeGreaterThan(0);
    expect(rowCount(server, "audit_log")).toBe(0);
    expect(await get(server, chief.cookie, `/api/v1/published/${published}`)).toBe(200);
  });

  it("keeps the change log to its size; a desk inside the window catches up exactly, one behind it refetches", async () => {
    server = await startTestServer({ env: { WIREDESK_CHANGE_LOG_MAX_ROWS: "3" } });
    const editor = await server.signIn("editor");
    const ids = await seedStories(server.desk.ctx, Array.from({ length: 8 }, (_, i) => ({ headline: `Story ${i}` })));
    const result = await runRetention(server.desk.ctx);
    expect(result.changeLogRows).toBe(5);
    expect(result.changeLogFloor).toBe(6);

    const inside = server.connect(editor.cookie, { lastSeq: 5 });
    const replayed: string[] = [];
    inside.on("story:upserted", (event) => replayed.push(event.story.id));
    expect(await nextEvent(inside, "sync:completed")).toEqual({ seq: 8, replayed: 3 });
    expect(replayed).toEqual(ids.slice(5));
    const outside = server.connect(editor.cookie, { lastSeq: 4 });
    expect(await nextEvent(outside, "sync:stale")).toMatchObject({ reason: "too_far_behind" });
    // Nothing was old enough to remove but the log itself.
    expect(await get(server, editor.cookie, `/api/stories/${ids[0]}`)).toBe(200);
  });

  it("runs once per interval across nodes: the lease keeps a second node out while the first holds it", async () => {
    server = await startTestServer();
    const ctx = server.desk.ctx;
    expect(await ctx.store.leases.acquire("retention", "node-a", 60_000, Date.now())).toBe(true);
    expect(await runRetentionIfDue(ctx, "node-b")).toBeNull();
    await ctx.store.leases.release("retention", "node-a", { at: new Date(0).toISOString(), result: {} });
    const first = await runRetentionIfDue(ctx, "node-b");
    expect(first).not.toBeNull();
    // Just ran: not due again for WIREDESK_RETENTION_EVERY_HOURS, whichever node asks.
    expect(await runRetentionIfDue(ctx, "node-a")).toBeNull();
    expect(Object.keys((await ctx.store.leases.lastRun("retention")).lastResult ?? {})).toContain("changeLogFloor");
    // An expired lease (its node died mid-run) is taken over.
    expect(await ctx.store.leases.acquire("other", "node-a", 1_000, Date.now() - 5_000)).toBe(true);
    expect(await ctx.store.leases.acquire("other", "node-b", 1_000, Date.now())).toBe(true);
  });
});
