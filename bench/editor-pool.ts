import { startLoadGenerators, type BenchChild } from "./children";
import { nowMs } from "./clock";
import { sum } from "./stats";
import type { Side, Stamps, TypedTurn } from "./editor-worker";

/** What all editor processes report of one side's turn of typing. */
export interface TypedTurns {
  keys: number;
  /** CPU of the editor processes over the turn, summed, in percent of one core. */
  generatorCpuPercent: number;
  /** The worst editor process's event-loop delay p99 over the turn (ms, beyond the sampling interval). */
  generatorLoopDelayP99Ms: number;
  /** `story:upserted` frames the desks received during the turn, and how long it lasted. */
  upserted: number;
  wallMs: number;
}

/** How far ahead of the request the editors of every process start typing. */
const TYPE_START_AHEAD_MS = 100;

/** The co-editing load generators: editor processes (bench/editor-worker.ts) sharing the bench's monotonic clock. */
export class EditorWorkers {
  private readonly workers: BenchChild[];

  private constructor(workers: BenchChild[]) {
    this.workers = workers;
  }

  static async start(count: number, sockets: number): Promise<EditorWorkers> {
    return new EditorWorkers(await startLoadGenerators("editor-worker.ts", count, { label: "editor worker", openFiles: Math.ceil(sockets / count) + 200 }));
  }

  /** Adds the side's editor number `index` to worker `index mod count`: a story's editors sit in as many processes as there are. */
  add(side: Side, index: number, url: string, storyId: string, cookie: string | null = null): Promise<unknown> {
    return this.workers[index % this.workers.length]!.rpc.call("add", { side, url, cookie, storyId, index }, 120_000);
  }

  /** Every worker types with its editors of `side` at once; answers their keystrokes, CPU, worst loop delay and frames. */
  async type(side: Side, total: number, s: { intervalMs: number; seconds: number }): Promise<TypedTurns> {
    // One start on the shared clock for every worker, a moment ahead, so the stagger holds across processes.
    const startAt = nowMs() + TYPE_START_AHEAD_MS;
    const parts = await Promise.all(this.workers.map((w) => w.rpc.call<TypedTurn>("type", { side, intervalMs: s.intervalMs, seconds: s.seconds, total, startAt }, s.seconds * 1000 + 60_000)));
    return {
      keys: sum(parts.map((p) => p.keys)),
      generatorCpuPercent: sum(parts.map((p) => p.cpuPercent)),
      generatorLoopDelayP99Ms: Math.max(...parts.map((p) => p.loopDelayP99Ms)),
      upserted: sum(parts.map((p) => p.upserted)),
      wallMs: Math.max(...parts.map((p) => p.wallMs)),
    };
  }

  /**
   * Joins every worker's stamps of `side`: each received keystroke's latency, and the update bytes.
   * Fails unless every keystroke reached each of the story's other `editorsPerStory - 1` editors.
   */
  async latencies(side: Side, editorsPerStory: number): Promise<{ latencies: number[]; bytes: number[] }> {
    const parts = await Promise.all(this.workers.map((w) => w.rpc.call<Stamps>("collect", { side }, 60_000)));
    const typedAt = new Map<string, number>();
    for (const p of parts) p.typedKeys.forEach((key, i) => typedAt.set(key, p.typedAt[i]!));
    const latencies: number[] = [];
    for (const p of parts) {
      p.arrivedKeys.forEach((key, i) => {
        const sent = typedAt.get(key);
        if (sent !== undefined) latencies.push(p.arrivedAt[i]! - sent);
      });
    }
    const expected = typedAt.size * (editorsPerStory - 1);
    if (latencies.length !== expected) throw new Error(`${side}: ${latencies.length} keystroke deliveries matched, ${expected} expected (every keystroke to ${editorsPerStory - 1} co-editors)`);
    return { latencies, bytes: parts.flatMap((p) => p.bytes) };
  }

  /** Closes every editor (the processes stay for the next scenario). */
  async closeEditors(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.rpc.call("close", null, 10_000)));
  }

  async stop(): Promise<void> {
    await this.closeEditors().catch(() => undefined);
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}
