import path from "node:path";
import { makeTempDir, removeTempDir, startChild, type BenchChild } from "./children";
import { checkSharedClock } from "./clock";
import type { RpcClient } from "./ipc";
import type { MemorySample, WindowStats } from "./server-stats";

/** The ingest token the server under test accepts. */
export const BENCH_INGEST_TOKEN = "bench-ingest-token-0123456789abcdef";

/** A server process under measurement: Wiredesk or the bare Socket.IO baseline. */
export interface BenchServer {
  kind: "wiredesk" | "baseline";
  url: string;
  rpc: RpcClient;
  memory(gc?: boolean): Promise<MemorySample>;
  startWindow(): Promise<void>;
  stopWindow(): Promise<WindowStats>;
  stop(): Promise<void>;
}

async function wrap(kind: BenchServer["kind"], child: BenchChild, onStop: () => void): Promise<BenchServer> {
  try {
    const ready = await child.firstJsonLine;
    await checkSharedClock(child.rpc);
    return {
      kind,
      url: `http://127.0.0.1:${Number(ready.port)}`,
      rpc: child.rpc,
      memory: (gc = false) => child.rpc.call<MemorySample>("memory", { gc }, 60_000),
      startWindow: async () => void (await child.rpc.call("window:start")),
      stopWindow: () => child.rpc.call<WindowStats>("window:stop"),
      stop: async () => {
        await child.stop();
        onStop();
      },
    };
  } catch (error) {
    await child.stop();
    onStop();
    throw error;
  }
}

/**
 * Starts Wiredesk (bench/server-entry.ts) in its own process with --expose-gc. Without `dbFile` it gets a
 * fresh temporary database, removed when it stops. `connections` sizes its open-file limit.
 */
export async function startDeskServer(options: { connections?: number; dbFile?: string; env?: Record<string, string> } = {}): Promise<BenchServer & { dbFile: string }> {
  const dir = options.dbFile ? null : makeTempDir("desk");
  const dbFile = options.dbFile ?? path.join(dir!, "wiredesk.db");
  const child = startChild("server-entry.ts", {
    label: "wiredesk server",
    nodeArgs: ["--expose-gc"],
    openFiles: (options.connections ?? 0) + 500,
    readyTimeoutMs: 120_000,
    // Behind a trusted proxy: load generators give each editor its own address (bench/editor-address.ts).
    env: { WIREDESK_DB: dbFile, WIREDESK_INGEST_TOKEN: BENCH_INGEST_TOKEN, WIREDESK_LOG_LEVEL: "warn", WIREDESK_TRUST_PROXY: "1", ...options.env },
  });
  const server = await wrap("wiredesk", child, () => dir && removeTempDir(dir));
  return { ...server, dbFile };
}

/** Starts the bare Socket.IO baseline (bench/baseline-server.ts) in its own process with --expose-gc. */
export function startBaselineServer(options: { connections?: number } = {}): Promise<BenchServer> {
  const child = startChild("baseline-server.ts", { label: "baseline server", nodeArgs: ["--expose-gc"], openFiles: (options.connections ?? 0) + 500 });
  return wrap("baseline", child, () => undefined);
}

/** Asks Wiredesk for `count` real session cookies (see server-entry.ts). */
export function createSessions(server: BenchServer, count: number): Promise<string[]> {
  return server.rpc.call<string[]>("sessions", { count }, 600_000);
}

/** POSTs one delivery to `/api/ingest`; resolves with the id and guid of each of its stories. */
export async function ingestDelivery(url: string, body: string): Promise<{ id: string; guid: string }[]> {
  const response = await fetch(`${url}/api/ingest`, { method: "POST", headers: { authorization: `Bearer ${BENCH_INGEST_TOKEN}` }, body });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { stories: { id: string; guid: string }[] }).stories;
}

/** POSTs one delivery to `/api/ingest`; resolves with the guids of its stories. */
export async function postDelivery(url: string, body: string): Promise<string[]> {
  return (await ingestDelivery(url, body)).map((s) => s.guid);
}

/** POSTs a payload to the baseline's `/broadcast`, which emits it to every client. */
export async function postBroadcast(url: string, payload: unknown): Promise<void> {
  const response = await fetch(`${url}/broadcast`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
  await response.arrayBuffer();
  if (response.status !== 204) throw new Error(`baseline broadcast answered ${response.status}`);
}

/** The newest story as Wiredesk presents it (the summary it pushes), with the page's seq: the baseline's payload. */
export async function fetchLatestStory(url: string, cookie: string): Promise<{ seq: number; story: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/stories?limit=1`, { headers: { cookie } });
  const page = (await response.json()) as { stories?: Record<string, unknown>[]; seq?: number };
  const story = page.stories?.[0];
  if (response.status !== 200 || !story) throw new Error(`GET /api/stories answered ${response.status} without a story`);
  return { seq: page.seq ?? 0, story };
}
