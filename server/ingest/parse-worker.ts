/** Worker thread of the parse pool: parses deliveries off the main thread, so a slow one can be stopped. */
import { parentPort } from "node:worker_threads";
import type { WireFormat } from "../domain/normalized-story";
import { parseDelivery } from "./parse-delivery";

parentPort?.on("message", (job: { id: number; bytes: Uint8Array; format?: WireFormat; maxBytes?: number; detectsPlain?: boolean }) => {
  const outcome = parseDelivery(job.bytes, { format: job.format, maxBytes: job.maxBytes, detectsPlain: job.detectsPlain });
  const message = outcome.ok
    ? { id: job.id, ok: true, value: outcome.value }
    : { id: job.id, ok: false, error: { code: outcome.error.code, message: outcome.error.message, format: outcome.error.format } };
  parentPort?.postMessage(message);
});

parentPort?.postMessage({ ready: true });
