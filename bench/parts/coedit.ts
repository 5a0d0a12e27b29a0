import { monitorEventLoopDelay } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import * as parser from "socket.io-parser";
import * as Y from "yjs";
import { CollabProvider } from "../../components/collab/collab-provider";
import type { ClientToServerEvents, ServerToClientEvents } from "../../server/contract/events";
import { waitStatus } from "../../server/testing/collab-client";
import { waitConnected } from "../../server/testing/socket-events";
import { ninjsStory } from "../../server/testing/test-server";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { createSessions, ingestDelivery, startBaselineServer, startDeskServer, type BenchServer } from "../servers";
import type { WindowStats } from "../server-stats";
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

/**
 * `story:upserted` frames as the bench's desks receive them: counted, not decoded. Every desk of the
 * newsroom decodes its own in its own browser; here the 300 of them share one process with the
 * editors whose latency is measured, and decoding 300 copies of each event on one core would time
 * the load generator, not the server. The server still sends every frame and the socket reads it.
 */
const UPSERTED_PREFIX = `${parser.PacketType.EVENT}["story:upserted",`;
const deskFrames = { upserted: 0 };
class DeskDecoder extends parser.Decoder {
  override add(chunk: unknown): void {
    if (typeof chunk === "string" && chunk.startsWith(UPSERTED_PREFIX)) deskFrames.upserted += 1;
    else super.add(chunk);
  }
}
const deskParser = { ...parser, Decoder: DeskDecoder };

async function deskEditor(url: string, cookie: string, storyId: string, latencies: number[], bytes: number[]): Promise<Editor> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie }, parser: deskParser });
  await waitConnected(socket);
  // Stamped before the provider applies the update, as the relay's editors stamp before they apply.
  const onUpdate = record(latencies, bytes);
  socket.on("collab:updated", (event) => onUpdate(event.update));
  const provider = new CollabProvider(socket, storyId, { edit: true });
  await waitStatus(provider, "synced", 60_000);
  return { doc: provider.doc, socket: socket as unknown as Socket, close: () => (provider.destroy(), socket.disconnect()) };
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

/** Ingests `count` stories (a body of eight paragraphs each) and answers their ids. */
async function storyIds(server: BenchServer, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [story] = await ingestDelivery(server.url, ninjsStory({ uri: `urn:bench:${tag}:${i}`, headline: `Bench story ${i}`, body: "<p>A paragraph of body text for the benchmark.</p>".repeat(8) }));
    ids.push(story!.id);
  }
  return ids;
}

interface Scenario {
  stories: number;
  editorsPerStory: number;
  intervalMs: number;
  seconds: number;
  /** Rounds of one turn each (`seconds` long), baseline and Wiredesk alternating A-B-B-A. */
  rounds: number;
  wire: boolean;
}

async function runScenario(desk: BenchServer, relay: BenchServer, cookies: string[], s: Scenario, tag: string) {
  const ids = await storyIds(desk, s.stories, tag);
  const measured = { latencies: [] as number[], bytes: [] as number[] };
  const base = { latencies: [] as number[], bytes: [] as number[] };
  const deskEditors: Editor[] = [];
  const relayEditors: Editor[] = [];
  for (const [n, id] of ids.entries()) {
    for (let e = 0; e < s.editorsPerStory; e++) {
      deskEditors.push(await deskEditor(desk.url, cookies[(n * s.editorsPerStory + e) % cookies.length]!, id, measured.latencies, measured.bytes));
      relayEditors.push(await relayEditor(relay.url, id, base.latencies, base.bytes));
    }
  }
  let wireCount = 0;
  // The wire runs during Wiredesk's turns only: its pushes to 300 desks must not load the editors
  // (this process) while the relay is timed. A refused or reset wire request is load, not a result.
  const startWire = () => (s.wire ? setInterval(() => void ingestDelivery(desk.url, ninjsStory({ uri: `urn:bench:wire:${tag}:${wireCount++}`, headline: "Wire copy during co-editing" })).catch(() => undefined), 100) : null);
  // Turns alternate, A-B-B-A, with a pause between them, so drift, write-backs still due and the order
  // itself fall on both sides.
  const turns = { base: [] as Turn[], desk: [] as Turn[] };
  for (let round = 0; round < s.rounds; round++) {
    for (const side of round % 2 === 0 ? (["base", "desk"] as const) : (["desk", "base"] as const)) {
      if (side === "base") turns.base.push(await turn(relay, relayEditors, s));
      else {
        const wire = startWire();
        turns.desk.push(await turn(desk, deskEditors, s));
        if (wire) clearInterval(wire);
      }
      await new Promise((resolve) => setTimeout(resolve, TURN_PAUSE_MS));
    }
  }
  const upsertedPerSecond = sum(turns.desk.map((t) => t.upserted)) / (sum(turns.desk.map((t) => t.wallMs)) / 1000);
  const [baseKeys, deskKeys] = [sum(turns.base.map((t) => t.keys)), sum(turns.desk.map((t) => t.keys))];
  for (const editor of [...deskEditors, ...relayEditors]) editor.close();
  const load = (side: Turn[]) => ({ serverCpuPercent: mean(side.map((t) => t.server.cpuPercent)), serverLoopDelayP99Ms: Math.max(...side.map((t) => t.server.loopDelayMs.p99)), generatorCpuPercent: mean(side.map((t) => t.generatorCpuPercent)), generatorLoopDelayP99Ms: Math.max(...side.map((t) => t.generatorLoopDelayP99Ms)) });
  return { desk: summarize(measured.latencies), base: summarize(base.latencies), deskKeys, baseKeys, deskBytes: mean(measured.bytes), baseBytes: mean(base.bytes), upsertedPerSecond, deskLoad: load(turns.desk), baseLoad: load(turns.base), ids };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: readonly number[]) => (values.length ? sum(values) / values.length : Number.NaN);

/** Quiet time between turns: write-backs due after one turn's last keystroke land before the next turn. */
const TURN_PAUSE_MS = 1000;

interface Turn {
  keys: number;
  server: WindowStats;
  /** CPU of this process (the editors: the load generator) over the turn, in percent of one core. */
  generatorCpuPercent: number;
  /** This process's event-loop delay p99 over the turn (ms, beyond the sampling interval): how long a received keystroke can wait here to be read. */
  generatorLoopDelayP99Ms: number;
  /** `story:upserted` frames the desks received during the turn, and how long it lasted. */
  upserted: number;
  wallMs: number;
}

/** How often the bench process's event loop is sampled; each sample's interval includes it, so it is taken off. */
const LOOP_SAMPLE_MS = 5;

/** One side's turn of typing, with its server's CPU and event-loop delay and the load generator's CPU. */
async function turn(server: BenchServer, editors: readonly Editor[], s: Scenario): Promise<Turn> {
  await server.startWindow();
  const cpu = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  loop.enable();
  const started = performance.now();
  const framesBefore = deskFrames.upserted;
  const keys = await typeFor(editors, s.intervalMs, s.seconds);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  loop.disable();
  return { keys, server: await server.stopWindow(), generatorCpuPercent: ((used.user + used.system) / 1000 / wallMs) * 100, generatorLoopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_SAMPLE_MS), upserted: deskFrames.upserted - framesBefore, wallMs };
}

/**
 * Part 5: keystroke-to-remote latency and bytes per keystroke against a bare relay; memory per open
 * document. Wiredesk and the relay each run in their own process, as in the other parts; the editors
 * (real Socket.IO clients with the desk's CollabProvider) run in this one.
 */
export async function runCoedit(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown>; note: string }> {
  const c = profile.coedit;
  const [desk, relay] = await Promise.all([startDeskServer({ connections: c.stories * 3 + 100 }), startBaselineServer({ connections: c.stories * 3 + 100 })]);
  try {
    const cookies = await createSessions(desk, c.sessions);
    const one = await runScenario(desk, relay, cookies, { stories: 1, editorsPerStory: c.oneStoryEditors, intervalMs: c.intervalMs, seconds: c.seconds, rounds: c.rounds, wire: false }, "one");
    const many = await runScenario(desk, relay, cookies, { stories: c.stories, editorsPerStory: 3, intervalMs: c.manyIntervalMs, seconds: c.seconds, rounds: c.rounds, wire: true }, "many");
    await new Promise((resolve) => setTimeout(resolve, 1500)); // write-backs and unloads settle

    // Memory: open documents without sockets, then unload them (heaps read after full collections).
    const memoryIds = await storyIds(desk, c.memoryDocs, "memory");
    await desk.rpc.call("collab:unload", null, 120_000);
    const before = (await desk.memory(true)).heapUsed;
    await desk.rpc.call("collab:open", { ids: memoryIds }, 120_000);
    const open = (await desk.memory(true)).heapUsed;
    await desk.rpc.call("collab:unload", null, 120_000);
    const after = (await desk.memory(true)).heapUsed;
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
      makeFigure({ name: "story:upserted delivered to the desks per second while typing", value: many.upsertedPerSecond, unit: "/s" }),
      makeFigure({ name: `server CPU while typing, ${c.stories} stories × 3 editors (% of one core)`, value: many.deskLoad.serverCpuPercent, baseline: many.baseLoad.serverCpuPercent, unit: "%", baselineName: BASELINE }),
      makeFigure({ name: `load generator CPU while typing, ${c.stories} stories × 3 editors (% of one core)`, value: many.deskLoad.generatorCpuPercent, baseline: many.baseLoad.generatorCpuPercent, unit: "%", baselineName: "the same editors on the relay" }),
      makeFigure({ name: `load generator event-loop delay p99 while typing, ${c.stories} stories × 3 editors (worst turn)`, value: many.deskLoad.generatorLoopDelayP99Ms, baseline: many.baseLoad.generatorLoopDelayP99Ms, unit: "ms", baselineName: "the same editors on the relay" }),
      makeFigure({ name: "heap per open story document", value: perDoc, unit: "B" }),
      makeFigure({ name: "heap left per document after unloading", value: Math.max(0, leftPerDoc), unit: "B" }),
    ];
    return {
      figures,
      details: { one, many, memory: { docs: memoryIds.length, perDoc, leftPerDoc } },
      note: "Wiredesk and the relay each run in their own process; every editor runs in the bench process, on the same cores. Turns alternate A-B-B-A with a 1-second pause; the wire (10 stories/s) runs during Wiredesk's turns only. Each Wiredesk editor is also a desk: it receives every story:upserted (counted, not decoded; see DeskDecoder). Wiredesk stores each update in SQLite (WIREDESK_SQLITE_SYNC=full) before it acknowledges it; the relay stores nothing.",
    };
  } finally {
    await Promise.all([relay.stop(), desk.stop()]);
  }
}
