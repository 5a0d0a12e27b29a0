import { afterEach, describe, expect, it } from "vitest";
import { io as connectSocket, type Socket } from "socket.io-client";
import type { Socket as NetSocket } from "node:net";
import type { ClientToServerEvents, ServerToClientEvents } from "../contract/events";
import { seedStories } from "../testing/seed-stories";
import { nextEvent } from "../testing/socket-events";
import { startTestServer, type TestServer } from "../testing/test-server";
import { unreadBytes } from "./backpressure";

type DeskClient = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: TestServer | null = null;
const clients: DeskClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await server?.stop();
  server = null;
});

const LIMIT = 1024 * 1024;
// A story whose queue view is about 8 KB, so the flood is a few thousand events, not millions.
const BIG_ABSTRACT = "Lorem ipsum dolor sit amet. ".repeat(290);

/** A desk client that reconnects like the browser's, sending the last seq it applied. */
function deskClient(s: TestServer, cookie: string): { socket: DeskClient; seqs: Map<string, number>; lastSeq: () => number } {
  const seqs = new Map<string, number>();
  let lastSeq = 0;
  const socket: DeskClient = connectSocket(s.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    extraHeaders: { cookie },
    auth: (send) => send({ lastSeq }),
  });
  socket.on("story:upserted", (event) => {
    if (event.seq <= (seqs.get(event.story.id) ?? 0)) return;
    seqs.set(event.story.id, event.seq);
    lastSeq = Math.max(lastSeq, event.seq);
  });
  socket.on("sync:completed", (event) => (lastSeq = Math.max(lastSeq, event.seq)));
  clients.push(socket);
  return { socket, seqs, lastSeq: () => lastSeq };
}

/** The client's TCP socket under its WebSocket (pausing it stops reading, as a stalled network does). */
function tcpOf(socket: DeskClient): NetSocket {
  const engine = socket.io.engine as unknown as { transport: { ws: { _socket: NetSocket } } };
  return engine.transport.ws._socket;
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("backpressure", () => {
  it("cuts a client that stops reading once it holds more than the limit, keeps the others going, and the cut client catches up on return", async () => {
    server = await startTestServer({ env: { WIREDESK_SOCKET_MAX_BUFFER_BYTES: String(LIMIT), WIREDESK_METRICS_TOKEN: "metrics-token-0123456789" } });
    const { cookie } = await server.signIn("editor");
    const slow = deskClient(server, cookie);
    const healthy = deskClient(server, cookie);
    await Promise.all([nextEvent(slow.socket, "sync:completed"), nextEvent(healthy.socket, "sync:completed")]);
    const slowId = slow.socket.id!;
    const serverSockets = server.desk.io.of("/").sockets;
    const slowOnServer = serverSockets.get(slowId)!;
    tcpOf(slow.socket).pause();

    // Stories keep arriving; the stalled client's unread bytes grow until the sweep cuts it.
    const ids: string[] = [];
    let largestSeen = 0;
    while (serverSockets.has(slowId)) {
      if (ids.length > 20_000) throw new Error("never cut");
      ids.push(...(await seedStories(server.desk.ctx, Array.from({ length: 100 }, (_, i) => ({ headline: `Flood ${ids.length + i}`, abstract: BIG_ABSTRACT })))));
      largestSeen = Math.max(largestSeen, unreadBytes(slowOnServer.conn));
      await new Promise((r) => setTimeout(r, 5));
    }
    // Bounded: at most the limit plus what arrived within one sweep (100 ms of this flood).
    expect(largestSeen).toBeLessThan(LIMIT + 4 * 1024 * 1024);
    expect(largestSeen).toBeGreaterThan(LIMIT / 2);
    // The other desk was never held up: it has every story, each at its seq.
    await waitUntil(() => healthy.seqs.size === ids.length, "the healthy client to hold every story");
    expect(healthy.socket.connected).toBe(true);
    const metrics = await (await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer metrics-token-0123456789" } })).text();
    expect(metrics).toMatch(/^wiredesk_slow_sockets_cut_total 1$/m);

    // The network comes back: the client sees the drop, reconnects and catches up by seq.
    const heldBefore = slow.seqs.size;
    expect(heldBefore).toBeLessThan(ids.length);
    tcpOf(slow.socket).resume();
    await waitUntil(() => slow.seqs.size === ids.length && slow.socket.connected, "the cut client to catch up");
    expect(slow.lastSeq()).toBe(await server.desk.ctx.store.stories.currentSeq());
  }, 120_000);
});
