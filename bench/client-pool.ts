import { startLoadGenerators, type BenchChild } from "./children";
import { concatSamples } from "./stats";

/** Most connections one load-generator process holds. */
const SOCKETS_PER_WORKER = 750;

interface Collected {
  latencies: Float64Array;
  received: number;
  unmatched: number;
  disconnects: number;
  sockets: number;
}

/** Connected editors spread over several load-generator processes (bench/client-worker.ts). */
export class ClientPool {
  private readonly completed = new Map<string, number>();
  private readonly waiters = new Map<string, () => void>();
  private activeWorkers = 0;
  private readonly connectedPerWorker: number[] = [];

  private readonly workers: BenchChild[];

  private constructor(workers: BenchChild[]) {
    this.workers = workers;
    for (const worker of workers) {
      worker.rpc.on("complete", (key) => {
        const count = (this.completed.get(key as string) ?? 0) + 1;
        this.completed.set(key as string, count);
        if (count === this.activeWorkers) this.waiters.get(key as string)?.();
      });
    }
  }

  /** Starts enough worker processes for `connections` sockets (one per 750, at most `maxWorkers`). */
  static async start(connections: number, maxWorkers = 4): Promise<ClientPool> {
    const count = Math.max(1, Math.min(maxWorkers, Math.ceil(connections / SOCKETS_PER_WORKER)));
    const perWorker = Math.ceil(connections / count) + 50;
    return new ClientPool(await startLoadGenerators("client-worker.ts", count, { label: "client worker", openFiles: perWorker + 200 }));
  }

  /** Connects one socket per cookie (null = no cookie), spread evenly over the workers; fails if any socket fails. */
  async connect(url: string, cookies: (string | null)[], options: { concurrency?: number; timeoutMs?: number } = {}): Promise<number> {
    const shares = this.workers.map((_, i) => cookies.filter((__, j) => j % this.workers.length === i));
    const results = await Promise.all(
      this.workers.map((w, i) =>
        shares[i]!.length === 0
          ? Promise.resolve({ connected: 0, failed: 0, firstError: null })
          : w.rpc.call<{ connected: number; failed: number; firstError: string | null }>("connect", { url, cookies: shares[i], concurrency: options.concurrency ?? 25, timeoutMs: options.timeoutMs ?? 20_000 }, 300_000),
      ),
    );
    results.forEach((r, i) => (this.connectedPerWorker[i] = r.connected)); // a worker reports its total
    this.activeWorkers = this.connectedPerWorker.filter((n) => n > 0).length;
    const failed = results.reduce((n, r) => n + r.failed, 0);
    if (failed > 0) throw new Error(`${failed} of ${cookies.length} sockets failed to connect: ${results.find((r) => r.firstError)?.firstError ?? "?"}`);
    return results.reduce((n, r) => n + r.connected, 0);
  }

  /** Tells every worker when the story with this guid was sent. */
  sendT0(key: string, t0: number): void {
    for (const w of this.workers) w.rpc.tell("t0", { key, t: t0 });
  }

  /** Resolves true once every socket received the story with this guid, false after `timeoutMs`. */
  waitComplete(key: string, timeoutMs: number): Promise<boolean> {
    if ((this.completed.get(key) ?? 0) >= this.activeWorkers) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        resolve(false);
      }, timeoutMs);
      this.waiters.set(key, () => {
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(true);
      });
    });
  }

  /** Every latency (ms) measured since the last collect, merged over the workers, with counts. */
  async collect(): Promise<{ latencies: Float64Array; received: number; unmatched: number; disconnects: number }> {
    const parts = await Promise.all(this.workers.map((w) => w.rpc.call<Collected>("collect", null, 60_000)));
    return {
      latencies: concatSamples(parts.map((p) => p.latencies)),
      received: parts.reduce((n, p) => n + p.received, 0),
      unmatched: parts.reduce((n, p) => n + p.unmatched, 0),
      disconnects: parts.reduce((n, p) => n + p.disconnects, 0),
    };
  }

  /** Disconnects every socket and stops the worker processes. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.rpc.call("disconnect", null, 10_000).catch(() => undefined)));
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}
