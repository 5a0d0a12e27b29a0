import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { WireFormat } from "./normalized-story";
import { parseDelivery, type ParseDeliveryOptions } from "./parse-delivery";
import { type ParseOutcome, WireParseError } from "./parsers/parse-result";

/** Deliveries up to this size parse inline: the parsers are linear, so they take milliseconds. */
export const INLINE_PARSE_BYTES = 64 * 1024;

interface Job {
  id: number;
  bytes: Uint8Array;
  options: ParseDeliveryOptions;
  resolve: (outcome: ParseOutcome) => void;
}

type WorkerAnswer =
  | { id: number; ok: true; value: Extract<ParseOutcome, { ok: true }>["value"] }
  | { id: number; ok: false; error: { code: WireParseError["code"]; message: string; format: WireFormat | null } };

const WORKER_ENTRY = new URL("./parse-worker.ts", import.meta.url).href;

/** The file of tsx's ESM loader API (its "import" export, whatever resolver runs this module). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifest), exports["./esm/api"]!.import.default)).href;
}

function startWorker(): Worker {
  // A worker does not inherit tsx's loader: register it before importing the TypeScript entry.
  const tsxApi = tsxEsmApi();
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(WORKER_ENTRY)}));`;
  const worker = new Worker(bootstrap, { eval: true });
  worker.unref();
  return worker;
}

/**
 * Parses deliveries within a time budget. Small ones parse inline; larger ones go to a worker
 * thread that is stopped (and replaced) when a delivery takes longer than the budget, which then
 * fails with a "timeout" parse error: the bytes stay in quarantine and the server keeps serving.
 */
export class ParsePool {
  private worker: Worker | null = null;
  /** Jobs in the order the worker takes them; the first is the one being parsed. */
  private readonly queue: Job[] = [];
  private headTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly budgetMs: number;

  constructor(budgetMs: number) {
    this.budgetMs = budgetMs;
  }

  /** Parses one delivery, inline or on the worker; a delivery never parses for longer than the budget. */
  parse(bytes: Uint8Array, options: ParseDeliveryOptions = {}): Promise<ParseOutcome> {
    if (bytes.byteLength <= INLINE_PARSE_BYTES || (options.maxBytes !== undefined && bytes.byteLength > options.maxBytes)) {
      return Promise.resolve(parseDelivery(bytes, options));
    }
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, bytes, options, resolve };
      this.queue.push(job);
      this.post(job);
      if (this.queue.length === 1) this.startHeadTimer();
    });
  }

  /** Stops the worker; parses still waiting fail. */
  async close(): Promise<void> {
    this.clearHeadTimer();
    for (const job of this.queue.splice(0)) job.resolve(failure("malformed", "the parser was shut down"));
    await this.worker?.terminate();
    this.worker = null;
  }

  private post(job: Job): void {
    this.ensureWorker().postMessage({ id: job.id, bytes: job.bytes, format: job.options.format, maxBytes: job.options.maxBytes });
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
    const head = this.queue[0];
    if (!head || head.id !== answer.id) return;
    this.queue.shift();
    this.clearHeadTimer();
    head.resolve(answer.ok ? { ok: true, value: answer.value } : { ok: false, error: new WireParseError(answer.error.code, answer.error.message, answer.error.format) });
    if (this.queue.length > 0) this.startHeadTimer();
  }

  /** The delivery being parsed failed or ran out of time: drop it, replace the worker, re-send the rest. */
  private failHead(code: WireParseError["code"], reason: string): void {
    this.clearHeadTimer();
    const head = this.queue.shift();
    head?.resolve(failure(code, reason));
    void this.worker?.terminate();
    this.worker = null;
    for (const job of this.queue) this.post(job);
    if (this.queue.length > 0) this.startHeadTimer();
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
