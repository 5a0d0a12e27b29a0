import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { nowMs } from "./clock";

/** A server process's memory, in bytes. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** What a server reports over a measured window: event-loop delay, CPU share and memory at the end. */
export interface WindowStats {
  loopDelayMs: { p50: number; p99: number; max: number; mean: number };
  /** CPU time (user + system) over wall time, in percent of one core. */
  cpuPercent: number;
  memory: MemorySample;
  wallMs: number;
}

async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("this server was started without --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function readMemory(): MemorySample {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}

/**
 * The IPC handlers every server under test answers (Wiredesk and the bare baseline alike), so both are
 * measured the same way, in their own process: clock, memory (optionally after a full GC), and a
 * measured window of event-loop delay (perf_hooks.monitorEventLoopDelay) and CPU use.
 */
export function serverStatsHandlers() {
  let histogram: IntervalHistogram | null = null;
  let cpuStart = process.cpuUsage();
  let wallStart = nowMs();
  return {
    clock: () => nowMs(),
    memory: async (payload: { gc?: boolean } | null) => {
      if (payload?.gc) await collectGarbage();
      return readMemory();
    },
    "window:start": () => {
      histogram?.disable();
      histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      cpuStart = process.cpuUsage();
      wallStart = nowMs();
      return true;
    },
    "window:stop": (): WindowStats => {
      const wallMs = nowMs() - wallStart;
      const cpu = process.cpuUsage(cpuStart);
      const h = histogram;
      h?.disable();
      histogram = null;
      const ms = (ns: number) => ns / 1e6;
      return {
        loopDelayMs: h ? { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean) } : { p50: NaN, p99: NaN, max: NaN, mean: NaN },
        cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
        memory: readMemory(),
        wallMs,
      };
    },
  };
}
