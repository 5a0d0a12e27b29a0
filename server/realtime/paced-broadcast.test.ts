import { once } from "node:events";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import type { StoryUpsertedEvent } from "../contract/events";
import { PacedBroadcast, SENDS_PER_TURN } from "./paced-broadcast";
import type { DeskServer } from "./socket-publisher";

const ROOM = "desk:all";
let http: HttpServer | null = null;
let io: DeskServer | null = null;
const clients: ClientSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await new Promise<void>((resolve) => (io ? void io.close(() => resolve()) : resolve()));
  io = null;
  http = null;
});

/** A real Socket.IO server on a random port with `count` real clients in the room; `ping` answers the room's backlog. */
async function setup(count: number, fannedOut: (seconds: number) => void = () => undefined, transports: ("websocket" | "polling")[] = ["websocket"]) {
  http = createServer();
  io = new Server(http);
  const server = io;
  const paced = new PacedBroadcast(server, ROOM, { fannedOut });
  server.on("connection", (socket) => {
    void socket.join(ROOM);
    (socket as unknown as { on: (event: string, listener: (ack: (backlog: number) => void) => void) => void }).on("ping", (ack) => ack(paced.backlog));
  });
  http.listen(0, "127.0.0.1");
  await once(http, "listening");
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const received: number[][] = [];
  for (let i = 0; i < count; i++) {
    const client = connect(url, { transports, forceNew: true, reconnection: false });
    const seqs: number[] = [];
    client.on("story:upserted", (event: StoryUpsertedEvent) => seqs.push(event.seq));
    received.push(seqs);
    clients.push(client);
    await new Promise<void>((resolve) => client.once("connect", () => resolve()));
  }
  while ((server.sockets.adapter.rooms.get(ROOM)?.size ?? 0) < count) await new Promise((resolve) => setTimeout(resolve, 5));
  return { paced, received };
}

const event = (seq: number): StoryUpsertedEvent => ({ seq, story: { id: `s${seq}`, headline: `Story ${seq}` } as unknown as StoryUpsertedEvent["story"] });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function until(check: () => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("paced broadcast to the desk room", () => {
  it("brings every event to every desk, each desk in the order given, across bursts that overlap, and times each pass", async () => {
    const passes: number[] = [];
    const { paced, received } = await setup(30, (seconds) => passes.push(seconds));
    const started = performance.now();
    paced.send(range(1, 300).map(event));
    // A second burst while the first is still going out, and a third a moment later.
    paced.send(range(301, 310).map(event));
    await new Promise((resolve) => setImmediate(resolve));
    paced.send(range(311, 400).map(event));
    await until(() => received.every((seqs) => seqs.length >= 400));
    for (const seqs of received) expect(seqs).toEqual(range(1, 400));
    expect(paced.backlog).toBe(0);
    // 256 events a pass: the 300 given first take two passes, then the rest; each timed from its first event to its last socket.
    expect(passes.length).toBeGreaterThanOrEqual(2);
    expect(passes.every((seconds) => seconds > 0 && seconds <= (performance.now() - started) / 1000)).toBe(true);
  });

  it("reads what arrives on the sockets while a burst goes out (a keystroke does not wait for the whole burst)", async () => {
    const { paced, received } = await setup(40);
    const burst = range(1, 200).map(event);
    const answered = new Promise<number>((resolve) => clients[0]!.emit("ping", resolve));
    // 8,000 sends: many turns.
    expect(burst.length * received.length).toBeGreaterThan(SENDS_PER_TURN * 20);
    paced.send(burst);
    // The first turn went out at once; the rest waits for later turns, after the sockets are read.
    const backlogAtPing = await answered;
    expect(backlogAtPing).toBeGreaterThan(0);
    await until(() => received.every((seqs) => seqs.length === 200));
    expect(paced.backlog).toBe(0);
  });

  it("brings every event in order to desks on long-polling too (no WebSocket frame to reuse there)", async () => {
    const { paced, received } = await setup(5, undefined, ["polling"]);
    paced.send(range(1, 120).map(event));
    paced.send(range(121, 130).map(event));
    await until(() => received.every((seqs) => seqs.length >= 130));
    for (const seqs of received) expect(seqs).toEqual(range(1, 130));
  });

  it("runs what waits for the queued events only once every desk has them (an alert never overtakes its story)", async () => {
    const { paced, received } = await setup(30);
    const seenAtAlert: number[] = [];
    clients.forEach((client, i) => client.on("alert", () => seenAtAlert.push(received[i]!.length)));
    paced.send(range(1, 300).map(event));
    let ran = false;
    paced.afterSent(() => {
      ran = true;
      for (const socket of io!.sockets.sockets.values()) socket.emit("alert" as "story:upserted", undefined as never);
    });
    expect(ran).toBe(false);
    paced.send(range(301, 320).map(event)); // given after: not waited for
    await until(() => seenAtAlert.length === 30);
    expect(seenAtAlert.every((count) => count >= 300)).toBe(true);
    // With nothing queued it runs at once.
    await until(() => paced.backlog === 0);
    let now = false;
    paced.afterSent(() => (now = true));
    expect(now).toBe(true);
  });

  it("brings every event in order to desks that upgrade from long-polling to WebSocket during the burst", async () => {
    const { paced, received } = await setup(5, undefined, ["polling", "websocket"]);
    // Connected over polling a moment ago; the upgrade happens while these go out.
    paced.send(range(1, 300).map(event));
    await new Promise((resolve) => setTimeout(resolve, 5));
    paced.send(range(301, 600).map(event));
    await until(() => received.every((seqs) => seqs.length >= 600));
    for (const seqs of received) expect(seqs).toEqual(range(1, 600));
    expect(clients.every((client) => client.io.engine.transport.name === "websocket")).toBe(true);
  });

  it("refuses an event carrying binary data without holding what waits behind it", async () => {
    const { paced, received } = await setup(2);
    const bad = { seq: 1, story: { id: "s1", blob: Buffer.from("x") } } as unknown as StoryUpsertedEvent;
    expect(() => paced.send([bad])).toThrow(/binary/);
    let ran = false;
    paced.afterSent(() => (ran = true));
    expect(ran).toBe(true);
    paced.send(range(2, 5).map(event));
    await until(() => received.every((seqs) => seqs.length === 4));
    for (const seqs of received) expect(seqs).toEqual(range(2, 5));
  });

  it("skips desks that left during a pass, and is done with an empty room at once", async () => {
    const { paced, received } = await setup(10);
    paced.send(range(1, 50).map(event));
    clients[9]!.disconnect();
    paced.send(range(51, 60).map(event));
    await until(() => received.slice(0, 9).every((seqs) => seqs.length === 60));
    for (const seqs of received.slice(0, 9)) expect(seqs).toEqual(range(1, 60));
    for (const client of clients) client.disconnect();
    await until(() => (io!.sockets.adapter.rooms.get(ROOM)?.size ?? 0) === 0);
    paced.send([event(61)]);
    expect(paced.backlog).toBe(0);
  });
});
