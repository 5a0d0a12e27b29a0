import { describe, expect, it } from "vitest";
import { collabClients, eventually, type CollabClient } from "../testing/collab-client";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
const join = collabClients(async () => {
  await server?.stop();
  server = null;
});

async function twoEditors(): Promise<[CollabClient, CollabClient]> {
  server = await startTestServer();
  const answer = (await (await server.ingest(ninjsStory({ headline: "Caret" }))).json()) as { stories: { id: string }[] };
  const id = answer.stories[0]!.id;
  return [await join(server, (await server.signIn("editor")).cookie, id), await join(server, (await server.signIn("editor")).cookie, id)];
}

/** What `watcher` holds of `typist`'s headline caret. */
const caretSeen = (watcher: CollabClient, typist: CollabClient) => (watcher.provider.awareness.getStates().get(typist.provider.doc.clientID) as { "caret:headline"?: { at: number } } | undefined)?.["caret:headline"];

/** Types `count` keys into the headline as an editor does: each key an update, then the caret moved, in the same tick. */
async function typeKeys(client: CollabClient, count: number): Promise<void> {
  const text = client.provider.doc.getText("headline");
  for (let key = 1; key <= count; key++) {
    text.insert(text.length, "x");
    client.provider.awareness.setLocalStateField("caret:headline", { at: key });
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

describe("carets over the desk socket", () => {
  it("delivers the typist's latest caret, though every key's update goes out in the same tick", async () => {
    const [typist, watcher] = await twoEditors();
    let sent = 0;
    typist.socket.onAnyOutgoing((event: string) => void (event === "collab:awareness" && sent++));
    const started = Date.now();
    await typeKeys(typist, 10);
    await eventually(() => expect(caretSeen(watcher, typist)).toEqual({ at: 10 }), 1000);
    await eventually(() => expect(watcher.headline()).toBe("Caretxxxxxxxxxx"));
    // Each key's caret, plus at most one re-send every 250 ms (and the last one): no flood.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).toBeGreaterThanOrEqual(10);
    expect(sent).toBeLessThanOrEqual(10 + Math.ceil((Date.now() - started) / 250));
  });

  it("sends the latest caret once more shortly after, for a watcher whose copy the server dropped", async () => {
    const [typist, watcher] = await twoEditors();
    await typeKeys(typist, 3);
    await eventually(() => expect(caretSeen(watcher, typist)).toEqual({ at: 3 }), 1000);
    // The server's connection to the watcher is busy writing: Socket.IO drops the relayed caret.
    const transport = server!.desk.io.sockets.sockets.get(watcher.socket.id!)!.conn.transport;
    transport.writable = false;
    typist.provider.awareness.setLocalStateField("caret:headline", { at: 4 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    transport.writable = true;
    expect(caretSeen(watcher, typist)).toEqual({ at: 3 });
    await eventually(() => expect(caretSeen(watcher, typist)).toEqual({ at: 4 }), 1000);
  });
});
