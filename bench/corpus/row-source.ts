import { Worker } from "node:worker_threads";
import { Random } from "./random";
import { buildStoryRow, type StoryRow } from "./story-rows";
import { ZipfSampler } from "./vocabulary";

/** What fixes the generated rows: the same plan gives the same rows, in a worker or not. */
export interface RowPlan {
  seed: number;
  vocabulary: string[];
  stories: number;
  startMs: number;
  stepMs: number;
  nowMs: number;
}

/** Hands out consecutive batches of generated rows. */
export interface RowSource {
  next(from: number, to: number): Promise<StoryRow[]>;
  close(): Promise<void>;
}

/** Builds rows `from`..`to` (1-based, inclusive); call it with consecutive ranges. */
export function createRowBuilder(plan: RowPlan): (from: number, to: number) => StoryRow[] {
  const random = new Random(plan.seed ^ 0x5eed);
  const bodyWords = new ZipfSampler(plan.vocabulary);
  const headlineWords = new ZipfSampler(plan.vocabulary, { skip: 40 }); // headlines skip the function words
  return (from, to) => {
    const rows: StoryRow[] = [];
    for (let i = from; i <= to; i++) {
      const receivedMs = Math.floor(plan.startMs + (i - 1 + random.next() * 0.5) * plan.stepMs);
      rows.push(buildStoryRow(i, receivedMs, plan.nowMs, random, bodyWords, headlineWords));
    }
    return rows;
  };
}

/** Builds rows on the calling thread. */
export function inlineRowSource(plan: RowPlan): RowSource {
  const build = createRowBuilder(plan);
  return { next: async (from, to) => build(from, to), close: async () => undefined };
}

/**
 * Builds rows on a worker thread, one batch ahead of the consumer, so text generation runs on the
 * second core while SQLite writes on the first. The worker loads TypeScript through tsx.
 */
export function workerRowSource(plan: RowPlan, batch: number): RowSource {
  // A worker does not inherit tsx's loader: register it before importing the TypeScript entry.
  const entry = new URL("./row-worker.ts", import.meta.url).href;
  const api = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}));`;
  const worker = new Worker(bootstrap, { eval: true, workerData: plan });
  const pending = new Map<number, { resolve: (rows: StoryRow[]) => void; reject: (error: Error) => void }>();
  const ahead = new Map<number, Promise<StoryRow[]>>();
  worker.on("message", (message: { from: number; rows: StoryRow[] }) => {
    pending.get(message.from)?.resolve(message.rows);
    pending.delete(message.from);
  });
  worker.on("error", (error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });
  const request = (from: number, to: number): Promise<StoryRow[]> => {
    const promise = new Promise<StoryRow[]>((resolve, reject) => pending.set(from, { resolve, reject }));
    worker.postMessage({ from, to });
    return promise;
  };
  return {
    next(from, to) {
      const rows = ahead.get(from) ?? request(from, to);
      ahead.delete(from);
      const nextFrom = to + 1;
      if (nextFrom <= plan.stories) ahead.set(nextFrom, request(nextFrom, Math.min(plan.stories, nextFrom + batch - 1)));
      return rows;
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
