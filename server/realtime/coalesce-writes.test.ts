import type { Socket as NetSocket } from "node:net";
import { describe, expect, it } from "vitest";
import { collabClients } from "../testing/collab-client";
import { seedStories } from "../testing/seed-stories";
import { nextEvent } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
const join = collabClients(async () => {
  await server?.stop();
  server = null;
});

/** Counts the writes to the kernel of the server's TCP socket under one client's WebSocket. */
function countWrites(s: TestServer, socketId: string): { count: number } {
  const conn = s.desk.io.of("/").sockets.get(socketId)!.conn as unknown as { transport: { socket: { _socket: NetSocket } } };
  const tcp = conn.transport.socket._socket as NetSocket & { _write: (...args: unknown[]) => void; _writev: (...args: unknown[]) => void };
  const counter = { count: 0 };
  for (const method of ["_write", "_writev"] as const) {
    const original = tcp[method].bind(tcp);
    tcp[method] = (...args: unknown[]) => {
      counter.count += 1;
      original(...args);
    };
  }
  return counter;
}

describe("websocket writes", () => {
  it("sends a burst of 100 stories to a desk in one write, every story in seq order", async () => {
    server = await startTestServer();
    const { cookie } = await server.signIn("editor");
    const client = server.connect(cookie);
    await nextEvent(client, "sync:completed");
    const writes = countWrites(server, client.id!);
    const seqs: number[] = [];
    const headlines: string[] = [];
    client.on("story:upserted", (event) => {
      seqs.push(event.seq);
      headlines.push(event.story.headline);
    });

    await seedStories(server.desk.ctx, Array.from({ length: 100 }, (_, i) => ({ headline: `Burst ${i}` })));
    const deadline = Date.now() + 10_000;
    while (seqs.length < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));

    expect(headlines).toEqual(Array.from({ length: 100 }, (_, i) => `Burst ${i}`));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // The pass leaves in one write to the kernel: not one system call per story, nor the first apart from the rest.
    expect(writes.count).toBe(1);
  });

  it("sends a co-editor's keystroke to each of the others in one write, header and attachment together", async () => {
    server = await startTestServer();
    const answer = (await (await server.ingest(ninjsStory({ headline: "Storm" }))).json()) as { stories: { id: string }[] };
    const id = answer.stories[0]!.id;
    const editors = [];
    for (let i = 0; i < 3; i++) editors.push(await join(server, (await server.signIn("editor")).cookie, id));
    const [typist, ...others] = editors as [(typeof editors)[0], ...typeof editors];
    await new Promise((r) => setTimeout(r, 100)); // the joins' own traffic is done
    const writes = others.map((other) => countWrites(server!, other.socket.id!));
    const arrived = others.map((other) => new Promise<void>((resolve) => other.socket.once("collab:updated", () => resolve())));

    typist.provider.doc.getText("headline").insert(5, "!");
    await Promise.all(arrived);

    expect(others.map((other) => other.headline())).toEqual(["Storm!", "Storm!"]);
    // A binary event is two packets; engine.io alone would write the attachment apart from its header.
    expect(writes.map((w) => w.count)).toEqual([1, 1]);
  });
});
