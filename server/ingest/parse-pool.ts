import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { WireFormat } from "../domain/normalized-story";
import { parseDelivery, type ParseDeliveryOptions } from "./parse-delivery";
import { type ParseOutcome, WireParseError } from "./parsers/parse-result";

/** Deliveries up to this size may parse inline: the parsers are linear, so they take milliseconds. */
export const INLINE_PARSE_BYTES = 64 * 1024;

/** How long closing waits for the deliveries already on the worker. */
const CLOSE_DRAIN_MS = 2_000;

/** Where the deliveries parsed so far were parsed. */
export interface ParseCounts {
  inline: number;
  worker: number;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  options: ParseDeliveryOptions;
  resolve: (outcome: ParseOutcome) => void;
}

type WorkerAnswer =
  | { ready: true }
  | { id: number; ok: true; value: Extract<ParseOutcome, { ok: true }>["value"] }
  | { id: number; ok: false; error: { code: WireParseError["code"]; message: string; format: WireFormat | null } };

/**
 * The worker's file beside this module. In the production build this module is part of a compiled
 * bundle in dist/, beside the compiled worker (parse-worker.js); run from the TypeScript source, its
 * worker loads through tsx (parse-worker-dev.mjs).
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith(".js") ? "./parse-worker.js" : "./parse-worker-dev.mjs", import.meta.url);

function startWorker(): Worker {
  const worker = new Worker(WORKER_ENTRY);
  worker.unref();
  return worker;
}

/**
 * Parses deliveries within a time budget, off the main thread when that helps. A lone small
 * delivery parses inline (no hand-off, the lowest latency). Large ones, and small ones arriving in
 * a burst (another parse asked for in the same turn of the event loop, or the worker still busy),
 * go to a worker thread once it is up: a busy wire then parses on a second core while the main
 * thread stores, and parsing no longer holds the event loop (storing still does). The worker
 * takes jobs in order and a small one parses inline only when the worker has nothing waiting, so
 * deliveries finish parsing in the order they arrived. A delivery that takes longer than the budget stops
 * the worker (which is replaced) and fails with a "timeout" parse error: the bytes stay in
 * quarantine and the server keeps serving.
 */
export class ParsePool {
  private worker: Worker | null = null;
  /** The worker has loaded the parsers (it says so once); until then bursts parse inline. */
  private isWorkerReady = false;
  /** Jobs in the order the worker takes them; the first is the one being parsed. */
  private readonly queue: Job[] = [];
  private headTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly budgetMs: number;
  /** Parses asked for in the current turn of the event loop (reset at the next turn). */
  private requestsThisTurn = 0;
  private readonly counts: ParseCounts = { inline: 0, worker: 0 };
  /** Called when the worker's queue empties (see {@link close}). */
  private readonly drainWaiters: (() => void)[] = [];
  /** Callers of {@link ready} waiting for the worker to load. */
  private readonly readyWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  /** Whether bursts of small deliveries go to the worker (off: only large ones do, as on one core). */
  private readonly burstsOnWorker: boolean;

  /**
   * `burstsOnWorker` defaults to whether this process may use more than one core: on one core a
   * hand-off only adds work, so small deliveries then always parse inline.
   */
  constructor(budgetMs: number, options: { burstsOnWorker?: boolean } = {}) {
    this.budgetMs = budgetMs;
    this.burstsOnWorker = options.burstsOnWorker ?? availableParallelism() > 1;
  }

  /** Parses one delivery, inline or on the worker; a delivery never parses for longer than the budget. */
  parse(bytes: Uint8Array, options: ParseDeliveryOptions = {}): Promise<ParseOutcome> {
    const isBurst = this.noteRequest();
    const isTooLarge = options.maxBytes !== undefined && bytes.byteLength > options.maxBytes;
    const isSmall = bytes.byteLength <= INLINE_PARSE_BYTES;
    if (isTooLarge || (isSmall && !(isBurst && this.burstsOnWorker && this.readyWorker()))) {
      this.counts.inline += 1;
      return Promise.resolve(parseDelivery(bytes, options));
    }
    this.counts.worker += 1;
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, bytes, options, resolve };
      this.queue.push(job);
      this.post(job);
      if (this.queue.length === 1) this.startHeadTimer();
    });
  }

  /** Starts the worker if it is not running; resolves once it has loaded the parsers (fails if it cannot start). */
  ready(): Promise<void> {
    if (this.isWorkerReady) return Promise.resolve();
    this.ensureWorker();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** How many deliveries were parsed inline and on the worker so far. */
  parseCounts(): ParseCounts {
    return { ...this.counts };
  }

  /**
   * Lets the deliveries already handed to the worker finish (for up to `drainMs`; they take
   * milliseconds each), then stops it; any still waiting after that fail. A shutdown during a burst
   * so stores the burst instead of sending it to quarantine.
   */
  async close(drainMs = CLOSE_DRAIN_MS): Promise<void> {
    if (this.queue.length > 0) await this.drained(drainMs);
    this.clearHeadTimer();
    for (const job of this.queue.splice(0)) job.resolve(failure("malformed", "the parser was shut down"));
    this.settleReady(new Error("the parser was shut down"));
    await this.worker?.terminate();
    this.worker = null;
    this.isWorkerReady = false;
  }

  /** Resolves once the worker has nothing waiting, or after `ms`. */
  private drained(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.drainWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Tells {@link drained} callers when the worker has nothing left. */
  private notifyIfDrained(): void {
    if (this.queue.length === 0) for (const done of this.drainWaiters.splice(0)) done();
  }

  /** Counts a request; true when it is part of a burst (another this turn, or the worker has work). */
  private noteRequest(): boolean {
    const isBurst = this.requestsThisTurn > 0 || this.queue.length > 0;
    if (this.requestsThisTurn === 0) setImmediate(() => (this.requestsThisTurn = 0));
    this.requestsThisTurn += 1;
    return isBurst;
  }

  /** True when the worker is up; otherwise starts it (for the next burst) and says no. */
  private readyWorker(): boolean {
    if (!this.isWorkerReady) this.ensureWorker();
    return this.isWorkerReady;
  }

  private post(job: Job): void {
    this.ensureWorker().postMessage({ id: job.id, bytes: job.bytes, format: job.options.format, maxBytes: job.options.maxBytes, detectsPlain: job.options.detectsPlain });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on("message", (answer: WorkerAnswer) => this.settle(answer));
    worker.on("error", (error) => this.failHead("malformed", `the parser stopped: ${error.message}`));
    this.worker = worker;
    return worker;
  }

  private settle(answer: WorkerAnswer): void {
    if ("ready" in answer) {
      this.isWorkerReady = true;
      this.settleReady(null);
      return;
    }
    const head = this.queue[0];
    if (!head || head.id !== answer.id) return;
    this.queue.shift();
    this.clearHeadTimer();
    head.resolve(answer.ok ? { ok: true, value: answer.value } : { ok: false, error: new WireParseError(answer.error.code, answer.error.message, answer.error.format) });
    if (this.queue.length > 0) this.startHeadTimer();
    this.notifyIfDrained();
  }

  /** The delivery being parsed failed or ran out of time: drop it, replace the worker, re-send the rest. */
  private failHead(code: WireParseError["code"], reason: string): void {
    this.clearHeadTimer();
    const head = this.queue.shift();
    head?.resolve(failure(code, reason));
    void this.worker?.terminate();
    this.worker = null;
    this.isWorkerReady = false;
    this.settleReady(new Error(reason));
    for (const job of this.queue) this.post(job);
    if (this.queue.length > 0) this.startHeadTimer();
    this.notifyIfDrained();
  }

  /** Tells the callers of {@link ready} that the worker is up (null) or could not start. */
  private settleReady(error: Error | null): void {
    for (const waiter of this.readyWaiters.splice(0)) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }

  private startHeadTimer(): void {
    this.headTimer = setTimeout(() => this.failHead("timeout", `parsing took longer than the ${this.budgetMs} ms budget`), this.budgetMs);
  }

  private clearHeadTimer(): void {
    if (this.headTimer) clearTimeout(this.headTimer);
    this.headTimer = null;
  }
}

function failure(code: WireParseError["code"], reason: string): ParseOutcome {
  return { ok: false, error: new WireParseError(code, reason, null) };
}
