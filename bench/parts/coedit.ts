import { createServer } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import * as Y from "yjs";
import { CollabProvider } from "../../components/collab/collab-provider";
import { waitStatus } from "../../server/testing/collab-client";
import { waitConnected } from "../../server/testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../../server/testing/test-server";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { summarize, type Summary } from "../stats";

const BASELINE = "bare Socket.IO 4.8 relaying raw Yjs updates to the story's room";

/** When each keystroke (its first struct id) was typed. */
const typedAt = new Map<string, number>();

function keyOf(update: Uint8Array): string | null {
  const struct = Y.decodeUpdate(update).structs[0];
  return struct ? `${struct.id.client}:${struct.id.clock}` : null;
}

/** An editor of either server: types into its document and records when others' keystrokes arrive. */
interface Editor {
  doc: Y.Doc;
  socket: Socket;
  close(): void;
}

function record(latencies: number[], bytes: number[]) {
  return (update: Uint8Array | ArrayBuffer) => {
    const data = update instanceof Uint8Array ? update : new Uint8Array(update);
    const key = keyOf(data);
    const sent = key ? typedAt.get(key) : undefined;
    if (sent !== undefined) latencies.push(performance.now() - sent);
    bytes.push(data.byteLength);
  };
}

async function deskEditor(server: TestServer, cookie: string, storyId: string, latencies: number[], bytes: number[]): Promise<Editor> {
  const socket = server.connect(cookie);
  await waitConnected(socket);
  const provider = new CollabProvider(socket, storyId, { edit: true });
  await waitStatus(provider, "synced", 60_000);
  const onUpdate = record(latencies, bytes);
  socket.on("collab:updated", (event) => onUpdate(event.update));
  return { doc: provider.doc, socket: socket as unknown as Socket, close: () => (provider.destroy(), socket.disconnect()) };
}

/** The baseline: a bare Socket.IO server that relays raw Yjs updates to a room, nothing stored. */
async function startRelay(): Promise<{ url: string; close: () => Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on("connection", (socket) => {
    socket.on("join", (room: string, ack: () => void) => {
      void socket.join(room);
      ack();
    });
    socket.on("update", (payload: { room: string; update: Uint8Array }, ack: () => void) => {
      socket.to(payload.room).emit("updated", payload.update);
      ack();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const address = http.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return { url, close: () => new Promise((resolve) => void io.close(() => resolve())) };
}

async function relayEditor(url: string, room: string, latencies: number[], bytes: number[]): Promise<Editor> {
  const socket = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  await new Promise<void>((resolve) => socket.emit("join", room, () => resolve()));
  const doc = new Y.Doc();
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== socket) socket.emit("update", { room, update }, () => undefined);
  });
  const onUpdate = record(latencies, bytes);
  socket.on("updated", (update: Uint8Array | ArrayBuffer) => {
    onUpdate(update);
    Y.applyUpdate(doc, update instanceof Uint8Array ? update : new Uint8Array(update), socket);
  });
  return { doc, socket, close: () => socket.disconnect() };
}

/** Every editor types one character into its headline every `intervalMs` (staggered) for `seconds`. */
async function typeFor(editors: readonly Editor[], intervalMs: number, seconds: number): Promise<number> {
  let keystrokes = 0;
  const timers = editors.map((editor, i) =>
    setTimeout(() => {
      const timer = setInterval(() => {
        const text = editor.doc.getText("headline");
        const key = `${editor.doc.clientID}:${Y.getState(editor.doc.store, editor.doc.clientID)}`;
        typedAt.set(key, performance.now());
        text.insert(text.length, "x");
        keystrokes += 1;
      }, intervalMs);
      timers.push(timer);
    }, (i * intervalMs) / editors.length),
  );
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + intervalMs));
  for (const timer of timers) {
    clearTimeout(timer);
    clearInterval(timer);
  }
  await new Promise((resolve) => setTimeout(resolve, 500)); // late deliveries
  return keystrokes;
}

/** Heap after a full collection, taken once the event loop has run what was pending (closing sockets, timers). */
async function gcHeap(): Promise<number> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  return process.memoryUsage().heapUsed;
}

async function storyIds(server: TestServer, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = (await (await server.ingest(ninjsStory({ uri: `urn:bench:${tag}:${i}`, headline: `Bench story ${i}`, body: "<p>A paragraph of body text for the benchmark.</p>".repeat(8) }))).json()) as { stories: { id: string }[] };
    ids.push(answer.stories[0]!.id);
  }
  return ids;
}

interface Scenario {
  stories: number;
  editorsPerStory: number;
  intervalMs: number;
  seconds: number;
  wire: boolean;
}

async function runScenario(server: TestServer, relayUrl: string, cookies: string[], s: Scenario, tag: string) {
  const ids = await storyIds(server, s.stories, tag);
  const desk = { latencies: [] as number[], bytes: [] as number[] };
  const base = { latencies: [] as number[], bytes: [] as number[] };
  const deskEditors: Editor[] = [];
  const relayEditors: Editor[] = [];
  for (const [n, id] of ids.entries()) {
    for (let e = 0; e < s.editorsPerStory; e++) {
      deskEditors.push(await deskEditor(server, cookies[(n * s.editorsPerStory + e) % cookies.length]!, id, desk.latencies, desk.bytes));
      relayEditors.push(await relayEditor(relayUrl, id, base.latencies, base.bytes));
    }
  }
  let wire: NodeJS.Timeout | null = null;
  let wireCount = 0;
  const startWire = () => {
    // A refused or reset wire request is load, not a result: it must not stop the run.
    if (s.wire) wire = setInterval(() => void server.ingest(ninjsStory({ uri: `urn:bench:wire:${tag}:${wireCount++}`, headline: "Wire copy during co-editing" })).catch(() => undefined), 100);
  };
  // Alternate: the baseline first, then Wiredesk, each alone on the machine.
  startWire();
  const baseKeys = await typeFor(relayEditors, s.intervalMs, s.seconds);
  const deskKeys = await typeFor(deskEditors, s.intervalMs, s.seconds);
  if (wire) clearInterval(wire);
  for (const editor of [...deskEditors, ...relayEditors]) editor.close();
  return { desk: summarize(desk.latencies), base: summarize(base.latencies), deskKeys, baseKeys, deskBytes: mean(desk.bytes), baseBytes: mean(base.bytes), ids };
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);

/** Part 5: keystroke-to-remote latency and bytes per keystroke against a bare relay; memory per open document. */
export async function runCoedit(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown>; note: string }> {
  const c = profile.coedit;
  const server = await startTestServer();
  const relay = await startRelay();
  try {
    const cookies: string[] = [];
    for (let i = 0; i < c.sessions; i++) cookies.push((await server.signIn("editor")).cookie);
    const one = await runScenario(server, relay.url, cookies, { stories: 1, editorsPerStory: c.oneStoryEditors, intervalMs: c.intervalMs, seconds: c.seconds, wire: false }, "one");
    const many = await runScenario(server, relay.url, cookies, { stories: c.stories, editorsPerStory: 3, intervalMs: c.manyIntervalMs, seconds: c.seconds, wire: true }, "many");
    await new Promise((resolve) => setTimeout(resolve, 1500)); // write-backs and unloads settle

    // Memory: open documents without sockets, then unload them.
    const memoryIds = await storyIds(server, c.memoryDocs, "memory");
    const before = await gcHeap();
    for (const id of memoryIds) await server.desk.collab.open(id);
    const open = await gcHeap();
    await server.desk.collab.unloadIdle();
    const after = await gcHeap();
    const perDoc = (open - before) / memoryIds.length;
    const leftPerDoc = (after - before) / memoryIds.length;

    const latency = (name: string, key: "p50" | "p95", r: { desk: Summary; base: Summary }) =>
      makeFigure({ name, value: r.desk[key], baseline: r.base[key], unit: "ms", baselineName: BASELINE, target: { maxRatio: 1.3 } });
    const figures = [
      latency(`keystroke to remote p50, ${c.oneStoryEditors} editors in one story`, "p50", one),
      latency(`keystroke to remote p95, ${c.oneStoryEditors} editors in one story`, "p95", one),
      latency(`keystroke to remote p50, ${c.stories} stories × 3 editors, wire running`, "p50", many),
      latency(`keystroke to remote p95, ${c.stories} stories × 3 editors, wire running`, "p95", many),
      makeFigure({ name: "bytes per keystroke on the wire (update payload)", value: one.deskBytes, baseline: one.baseBytes, unit: "B", baselineName: BASELINE }),
      makeFigure({ name: "heap per open story document", value: perDoc, unit: "B" }),
      makeFigure({ name: "heap left per document after unloading", value: Math.max(0, leftPerDoc), unit: "B" }),
    ];
    return {
      figures,
      details: { one, many, memory: { docs: memoryIds.length, perDoc, leftPerDoc } },
      note: "Server, relay and every client run in one Node process on the same cores: absolute latencies are pessimistic, the ratio is the figure to read. Wiredesk stores each update in SQLite (WIREDESK_SQLITE_SYNC=full) before it relays it; the relay stores nothing.",
    };
  } finally {
    await relay.close();
    await server.stop();
  }
}
