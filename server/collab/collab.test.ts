import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { COLLAB_CHUNK_BYTES } from "../contract/collab";
import type { StoryDetail } from "../contract/story";
import { collabClients, eventually } from "../testing/collab-client";
import { recordStoryEvents } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";

let server: TestServer | null = null;
const join = collabClients(async () => {
  await server?.stop();
  server = null;
});

async function storyWith(s: TestServer, headline: string, body = "<p>First paragraph.</p><p>Second <strong>bold</strong> one.</p>"): Promise<string> {
  const answer = (await (await s.ingest(ninjsStory({ headline, body }))).json()) as { stories: { id: string }[] };
  return answer.stories[0]!.id;
}

async function getStory(s: TestServer, cookie: string, id: string): Promise<StoryDetail> {
  return (await (await fetch(`${s.url}/api/stories/${id}`, { headers: { cookie } })).json()) as StoryDetail;
}


describe("co-editing over the desk socket", () => {
  it("takes an incoming story on Edit, shares typing, and writes it back without changing rev", async () => {
    server = await startTestServer();
    const a = await server.signIn("editor");
    const b = await server.signIn("editor");
    const id = await storyWith(server, "Quake hits coast");
    const one = await join(server, a.cookie, id);
    expect(one.provider.storyState).toBe("in_progress");
    expect(one.headline()).toBe("Quake hits coast");
    const taken = await getStory(server, a.cookie, id);
    expect(taken).toMatchObject({ state: "in_progress", takenBy: a.userId });
    const two = await join(server, b.cookie, id);
    const events = recordStoryEvents(two.socket);

    one.provider.doc.getText("headline").insert(0, "BREAKING: ");
    two.provider.doc.getText("headline").insert(two.headline().length, " (update)");
    await eventually(() => expect(one.headline()).toBe(two.headline()));
    expect(one.headline()).toBe("BREAKING: Quake hits coast (update)");
    await one.provider.whenIdle();
    await two.provider.whenIdle();

    await eventually(async () => expect((await getStory(server!, a.cookie, id)).headline).toBe("BREAKING: Quake hits coast (update)"), 1500);
    const after = await getStory(server, a.cookie, id);
    expect(after.rev).toBe(taken.rev);
    expect(after.bodyHtml).toBe("<p>First paragraph.</p>\n<p>Second <strong>bold</strong> one.</p>");
    await eventually(() => expect(events.events.at(-1)?.story.headline).toBe("BREAKING: Quake hits coast (update)"));
  });

  it("writes back stories typed at the same moment together: every desk gets them in one batch, not one pass per story", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const ids = await Promise.all(["One", "Two", "Three"].map((h) => storyWith(server!, `Story ${h}`)));
    const clients = await Promise.all(ids.map((id) => join(server!, editor.cookie, id)));
    const batches: string[][] = [];
    server.desk.ctx.publisher.onStories((changed) => batches.push(changed.filter((c) => c.story.headline.startsWith("Typed")).map((c) => c.story.id)));
    for (const client of clients) client.provider.doc.getText("headline").insert(0, "Typed: ");
    await Promise.all(clients.map((client) => client.provider.whenIdle()));
    await eventually(() => expect(batches.flat().sort()).toEqual([...ids].sort()), 3000);
    expect(batches.filter((batch) => batch.length > 0)).toHaveLength(1);
  });

  it("edits a published story as a correction: it stays published, readers keep the text until Correct", async () => {
    server = await startTestServer();
    const chief = await server.signIn("chief");
    const editor = await server.signIn("editor");
    const id = await storyWith(server, "Dam holds after storm");
    await walk(server, chief.cookie, id, ["take", "submit", "approve", "publish"]);
    const published = async () => ((await (await fetch(`${server!.url}/api/v1/published/${id}`)).json()) as { headlines: { value: string }[] }).headlines[0]!.value;

    const one = await join(server, editor.cookie, id);
    expect(one.provider.canEdit).toBe(true);
    expect(one.provider.storyState).toBe("published");
    one.provider.doc.getText("headline").insert("Dam holds".length, " but cracks found");
    await one.provider.whenIdle();
    await eventually(async () => expect((await getStory(server!, editor.cookie, id)).headline).toBe("Dam holds but cracks found after storm"), 1500);
    expect((await getStory(server, editor.cookie, id)).state).toBe("published");
    expect(await published()).toBe("Dam holds after storm");

    await walk(server, chief.cookie, id, [["correct", { note: "Cracks were found in the dam." }]]);
    expect(await published()).toBe("Dam holds but cracks found after storm");
    expect((await getStory(server, editor.cookie, id)).state).toBe("corrected");
  });

  it("lets a viewer watch but refuses its writes on the server", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const viewer = await server.signIn("viewer");
    const id = await storyWith(server, "Watched story");
    const writer = await join(server, editor.cookie, id);
    const watcher = await join(server, viewer.cookie, id, false);
    expect(watcher.provider.canEdit).toBe(false);

    writer.provider.doc.getText("headline").insert(0, "Live: ");
    await eventually(() => expect(watcher.headline()).toBe("Live: Watched story"));

    // The viewer's own document changes locally, but the server refuses the update itself.
    const sneaky = new Y.Doc();
    Y.applyUpdate(sneaky, Y.encodeStateAsUpdate(watcher.provider.doc));
    sneaky.getText("headline").insert(0, "HACKED ");
    const ack: unknown = await watcher.socket.timeout(3000).emitWithAck("collab:update", { storyId: id, update: Y.encodeStateAsUpdate(sneaky, Y.encodeStateVector(watcher.provider.doc)) });
    expect(ack).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const asEditor: unknown = await watcher.socket.timeout(3000).emitWithAck("collab:join", { storyId: id, edit: true });
    expect(asEditor).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await writer.provider.whenIdle();
    await new Promise((r) => setTimeout(r, 300));
    expect(writer.headline()).toBe("Live: Watched story");
    await eventually(async () => expect((await getStory(server!, editor.cookie, id)).headline).toBe("Live: Watched story"));
  });

  it("stores no script from a hand-made update: the body is sanitized on write-back", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const id = await storyWith(server, "Safe body");
    const client = await join(server, editor.cookie, id);
    const body = client.provider.doc.getXmlFragment("body");
    client.provider.doc.transact(() => {
      const script = new Y.XmlElement("script");
      body.insert(0, [script]);
      const text = new Y.XmlText();
      script.insert(0, [text]);
      text.insert(0, "alert(1)");
      const paragraph = new Y.XmlElement("paragraph");
      body.insert(1, [paragraph]);
      const link = new Y.XmlText();
      paragraph.insert(0, [link]);
      link.insert(0, "click", { link: { href: "javascript:alert(2)" } });
      link.insert(5, " <img src=x onerror=alert(3)>");
    });
    await client.provider.whenIdle();
    await eventually(async () => expect((await getStory(server!, editor.cookie, id)).bodyHtml).toContain("click"), 1500);
    const html = (await getStory(server, editor.cookie, id)).bodyHtml;
    expect(html).not.toMatch(/<script|javascript:|<img|<[^>]*onerror/i);
    expect(html).toContain("&lt;img");
  });

  it("accepts a 1.5 MB paste in chunks without closing the connection", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const other = await server.signIn("editor");
    const id = await storyWith(server, "Long read");
    const one = await join(server, editor.cookie, id);
    const two = await join(server, other.cookie, id);
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    const big = "word ".repeat(300_000);
    one.provider.doc.transact(() => {
      one.provider.doc.getXmlFragment("body").insert(0, [paragraph]);
      paragraph.insert(0, [text]);
      text.insert(0, big);
    });
    expect(Y.encodeStateAsUpdate(one.provider.doc).byteLength).toBeGreaterThan(10 * COLLAB_CHUNK_BYTES);
    await one.provider.whenIdle();
    await eventually(() => expect(two.provider.doc.getXmlFragment("body").toJSON().length).toBeGreaterThan(big.length), 10_000);
    expect(one.socket.connected).toBe(true);
    expect(two.socket.connected).toBe(true);
    await eventually(async () => expect((await getStory(server!, editor.cookie, id)).wordCount).toBeGreaterThan(300_000), 5000);
  });

  it("keeps every acknowledged update through a crash: a copy of the database taken right after the ack has the text", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const id = await storyWith(server, "Crash test");
    const client = await join(server, editor.cookie, id);
    client.provider.doc.getText("headline").insert(0, "Acked ");
    await client.provider.whenIdle();
    // What a SIGKILL right now would leave on disk: exactly the committed transactions.
    const snapshotDir = mkdtempSync(path.join(tmpdir(), "wiredesk-crash-"));
    const { getProcessDb } = await import("@/db/client");
    getProcessDb(server.dbFile).$client.exec(`VACUUM INTO '${path.join(snapshotDir, "wiredesk.db")}'`);
    client.close();
    await server.stop();
    server = await startTestServer({ dir: snapshotDir });
    const again = await server.signIn("editor");
    const story = await getStory(server, again.cookie, id);
    expect(story, JSON.stringify(story)).toMatchObject({ headline: "Acked Crash test" });
  });
});
