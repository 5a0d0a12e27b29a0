/**
 * A load-generator process: holds many real socket.io-client connections (websocket transport, with a
 * session cookie each when given) and stamps every `story:upserted` on arrival with the shared
 * monotonic clock. The parent tells it when each story was sent (`t0`); latencies are computed here
 * and handed back in bulk, so the per-event cost in this process is one clock read and a map lookup.
 */
import { io, type Socket } from "socket.io-client";
import { nowMs } from "./clock";
import { editorHeaders } from "./editor-address";
import { emitToParent, serveRpc } from "./ipc";

interface StoryEvent {
  story?: { guid?: string };
}

const sockets: Socket[] = [];
const t0ByKey = new Map<string, number>();
const pendingByKey = new Map<string, number[]>();
const countByKey = new Map<string, number>();
let latencies = new Float64Array(1 << 16);
let latencyCount = 0;
let received = 0;
let disconnects = 0;

function pushLatency(value: number): void {
  if (latencyCount === latencies.length) {
    const bigger = new Float64Array(latencies.length * 2);
    bigger.set(latencies);
    latencies = bigger;
  }
  latencies[latencyCount++] = value;
}

function onStory(event: StoryEvent): void {
  const arrived = nowMs();
  const key = event.story?.guid;
  if (!key) return;
  received++;
  const t0 = t0ByKey.get(key);
  if (t0 === undefined) pendingByKey.set(key, [...(pendingByKey.get(key) ?? []), arrived]);
  else pushLatency(arrived - t0);
  const count = (countByKey.get(key) ?? 0) + 1;
  countByKey.set(key, count);
  if (count === sockets.length) emitToParent("complete", key);
}

function connectOne(url: string, cookie: string | null, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: timeoutMs, extraHeaders: editorHeaders(cookie), auth: {} });
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error("connect timed out"));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("connect_error", (error: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

/** Connects one socket per cookie (or `count` without cookies), at most `concurrency` handshakes at a time. */
async function connect(payload: { url: string; cookies: (string | null)[]; concurrency: number; timeoutMs: number }) {
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (next < payload.cookies.length) {
      const cookie = payload.cookies[next++] ?? null;
      try {
        const socket = await connectOne(payload.url, cookie, payload.timeoutMs);
        socket.on("story:upserted", onStory);
        socket.on("disconnect", () => disconnects++);
        sockets.push(socket);
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, payload.concurrency) }, lane));
  return { connected: sockets.length, failed, firstError };
}

function setT0(payload: { key: string; t: number }): void {
  t0ByKey.set(payload.key, payload.t);
  for (const arrived of pendingByKey.get(payload.key) ?? []) pushLatency(arrived - payload.t);
  pendingByKey.delete(payload.key);
}

/** Hands back every latency measured since the last collect, and how many events had no t0. */
function collect() {
  const out = latencies.slice(0, latencyCount);
  const unmatched = [...pendingByKey.values()].reduce((n, list) => n + list.length, 0);
  const result = { latencies: out, received, unmatched, disconnects, sockets: sockets.length };
  latencyCount = 0;
  received = 0;
  pendingByKey.clear();
  return result;
}

serveRpc({
  clock: () => nowMs(),
  connect,
  t0: setT0,
  collect,
  disconnect: () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    return true;
  },
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
