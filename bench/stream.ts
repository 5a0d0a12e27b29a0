import { setTimeout as sleep } from "node:timers/promises";
import type { ClientPool } from "./client-pool";
import { runOpenLoop, type OpenLoopResult } from "./open-loop";
import type { WindowStats } from "./server-stats";
import type { BenchServer } from "./servers";
import { summarize, type Summary } from "./stats";

/** Sends story number `index` (warm-up ones first) and tells the pool its send time `t0`. */
export type StreamSender = (index: number, t0: number, pool: ClientPool) => Promise<void>;

/** What a measured stream gave: fan-out latency over every client, the sender's schedule, the server's window. */
export interface StreamResult {
  latency: Summary;
  sender: OpenLoopResult;
  received: number;
  expected: number;
  window: WindowStats | null;
}

/** How many stories a stream of `rate` per second sends during its warm-up and its measured part. */
export function streamLength(rate: number, seconds: number, warmupSeconds: number): number {
  return Math.round(rate * warmupSeconds) + Math.max(1, Math.round(rate * seconds));
}

/**
 * Streams stories at `rate` per second (open loop) to connected clients: first a warm-up (JIT, caches,
 * SQLite pages) whose latencies are dropped, then `seconds` measured, optionally inside a server window
 * (event-loop delay, CPU, memory at the end).
 */
export async function measureStream(options: {
  /** Needed only with `withWindow` (a real desk started elsewhere has no stats channel). */
  server?: BenchServer;
  pool: ClientPool;
  clients: number;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  withWindow?: boolean;
  settleMs: number;
  send: StreamSender;
}): Promise<StreamResult> {
  const { server, pool, rate } = options;
  if (options.withWindow && !server) throw new Error("a server window needs the server's stats channel");
  const warm = Math.round(rate * options.warmupSeconds);
  if (warm > 0) {
    await runOpenLoop({ rate, seconds: options.warmupSeconds, send: (i, t0) => options.send(i, t0, pool) });
    await sleep(options.settleMs);
    await pool.collect();
  }
  if (options.withWindow) await server!.startWindow();
  const sender = await runOpenLoop({ rate, seconds: options.seconds, send: (i, t0) => options.send(warm + i, t0, pool) });
  await sleep(options.settleMs);
  const window = options.withWindow ? await server!.stopWindow() : null;
  const sample = await pool.collect();
  return { latency: summarize(sample.latencies), sender, received: sample.received, expected: sender.sent * options.clients, window };
}
