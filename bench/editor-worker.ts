/**
 * A co-editing load-generator process (bench part 5): holds some of the editors of both servers,
 * types into their headlines when told, and stamps every keystroke it types and every remote one it
 * receives with the shared monotonic clock. The parent joins the stamps of all workers: a keystroke
 * typed here is usually received in another worker, as one editor's keystroke reaches another's browser.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import * as parser from "socket.io-parser";
import * as Y from "yjs";
import { CollabProvider } from "../components/collab/collab-provider";
import type { ClientToServerEvents, ServerToClientEvents } from "../server/contract/events";
import { waitStatus } from "../server/testing/collab-client";
import { waitConnected } from "../server/testing/socket-events";
import { nowMs } from "./clock";
import { editorHeaders } from "./editor-address";
import { serveRpc } from "./ipc";

export type Side = "desk" | "relay";

/** One editor: its document and its place in the stagger of all editors of its side. */
interface Editor {
  doc: Y.Doc;
  index: number;
  close(): void;
}

/** What one side typed and received here since the last collect (stamps in ms of the shared clock). */
export interface Stamps {
  typedKeys: string[];
  typedAt: number[];
  arrivedKeys: string[];
  arrivedAt: number[];
  bytes: number[];
}

const emptyStamps = (): Stamps => ({ typedKeys: [], typedAt: [], arrivedKeys: [], arrivedAt: [], bytes: [] });
const editors: Record<Side, Editor[]> = { desk: [], relay: [] };
let stamps: Record<Side, Stamps> = { desk: emptyStamps(), relay: emptyStamps() };

/** A keystroke's identity: the client and clock of its first struct. */
function keyOf(update: Uint8Array): string | null {
  const struct = Y.decodeUpdate(update).structs[0];
  return struct ? `${struct.id.client}:${struct.id.clock}` : null;
}

function arrived(side: Side, update: Uint8Array | ArrayBuffer): void {
  const at = nowMs();
  const data = update instanceof Uint8Array ? update : new Uint8Array(update);
  const key = keyOf(data);
  if (key) {
    stamps[side].arrivedKeys.push(key);
    stamps[side].arrivedAt.push(at);
  }
  stamps[side].bytes.push(data.byteLength);
}

/**
 * `story:upserted` frames as the bench's desks receive them: counted, not decoded. Every desk of the
 * newsroom decodes its own in its own browser; here dozens of them share one process with the editors
 * whose latency is measured, and decoding every copy would time the load generator, not the server.
 * The server still sends every frame and the socket reads it.
 */
const UPSERTED_PREFIX = `${parser.PacketType.EVENT}["story:upserted",`;
let upsertedFrames = 0;
class DeskDecoder extends parser.Decoder {
  override add(chunk: unknown): void {
    if (typeof chunk === "string" && chunk.startsWith(UPSERTED_PREFIX)) upsertedFrames += 1;
    else super.add(chunk);
  }
}
const deskParser = { ...parser, Decoder: DeskDecoder };

/** How long joining a story may take before the part fails. */
const JOIN_TIMEOUT_MS = 60_000;

async function deskEditor(url: string, cookie: string, storyId: string, index: number): Promise<Editor> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: editorHeaders(cookie), parser: deskParser });
  await waitConnected(socket);
  // Stamped before the provider applies the update, as the relay's editors stamp before they apply.
  socket.on("collab:updated", (event) => arrived("desk", event.update));
  const provider = new CollabProvider(socket, storyId, { edit: true });
  await waitStatus(provider, "synced", JOIN_TIMEOUT_MS);
  return { doc: provider.doc, index, close: () => (provider.destroy(), socket.disconnect()) };
}

async function relayEditor(url: string, room: string, index: number): Promise<Editor> {
  // The desks' parser here too: a relay turn that carries the desks' events reads them as a desk does.
  const socket = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: editorHeaders(null), parser: deskParser });
  await waitConnected(socket);
  await socket.timeout(JOIN_TIMEOUT_MS).emitWithAck("join", room);
  const doc = new Y.Doc();
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== socket) socket.emit("update", { room, update }, () => undefined);
  });
  socket.on("updated", (update: Uint8Array | ArrayBuffer) => {
    arrived("relay", update);
    Y.applyUpdate(doc, update instanceof Uint8Array ? update : new Uint8Array(update), socket);
  });
  return { doc, index, close: () => socket.disconnect() };
}

/** One worker's share of a turn: keystrokes typed, its CPU (% of one core), loop delay p99 and `story:upserted` frames. */
export interface TypedTurn {
  keys: number;
  cpuPercent: number;
  loopDelayP99Ms: number;
  upserted: number;
  wallMs: number;
}

/** How often the event loop is sampled; each sample's interval includes it, so it is taken off. */
const LOOP_SAMPLE_MS = 5;

/**
 * Every editor of `side` here types one character into its headline every `intervalMs` for `seconds`,
 * from `startAt` (the shared clock, the same for every worker) plus its place in the stagger of all
 * `total` editors of the side. Answers the keystrokes typed, this process's CPU (% of one core) and
 * event-loop delay p99, and the `story:upserted` frames its desks received.
 */
async function type(payload: { side: Side; intervalMs: number; seconds: number; total: number; startAt: number }): Promise<TypedTurn> {
  const { side, intervalMs, seconds, total, startAt } = payload;
  const cpu = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  loop.enable();
  const started = performance.now();
  const framesBefore = upsertedFrames;
  const endAt = startAt + seconds * 1000;
  let keys = 0;
  const intervals: NodeJS.Timeout[] = [];
  const keystroke = (editor: Editor) => {
    const text = editor.doc.getText("headline");
    stamps[side].typedKeys.push(`${editor.doc.clientID}:${Y.getState(editor.doc.store, editor.doc.clientID)}`);
    stamps[side].typedAt.push(nowMs());
    text.insert(text.length, "x");
    keys += 1;
  };
  const starts = editors[side].map((editor) =>
    setTimeout(
      () => {
        keystroke(editor);
        intervals.push(setInterval(() => keystroke(editor), intervalMs));
      },
      Math.max(0, startAt + (editor.index * intervalMs) / total - nowMs()),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, endAt - nowMs())));
  for (const timer of [...starts, ...intervals]) clearTimeout(timer);
  await new Promise((resolve) => setTimeout(resolve, 500)); // late deliveries
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  loop.disable();
  return { keys, cpuPercent: ((used.user + used.system) / 1000 / wallMs) * 100, loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_SAMPLE_MS), upserted: upsertedFrames - framesBefore, wallMs };
}

serveRpc({
  clock: () => nowMs(),
  add: async (payload: { side: Side; url: string; cookie: string | null; storyId: string; index: number }) => {
    const { side, url, cookie, storyId, index } = payload;
    editors[side].push(side === "desk" ? await deskEditor(url, cookie ?? "", storyId, index) : await relayEditor(url, storyId, index));
    return true;
  },
  type,
  collect: (payload: { side: Side }) => {
    const out = stamps[payload.side];
    stamps = { ...stamps, [payload.side]: emptyStamps() };
    return out;
  },
  close: () => {
    for (const editor of [...editors.desk.splice(0), ...editors.relay.splice(0)]) editor.close();
    return true;
  },
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
