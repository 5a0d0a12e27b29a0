import { setTimeout as sleep } from "node:timers/promises";
import { nowMs } from "./clock";
import { summarize, type Summary } from "./stats";

/** What an open-loop run did: how many sends, how many failed, and how late the sender itself was. */
export interface OpenLoopResult {
  sent: number;
  failed: number;
  firstError: string | null;
  /** Send time minus scheduled time (ms): shows the schedule held (a closed loop would hide slowness). */
  senderLagMs: Summary;
}

/**
 * Sends `rate` requests per second for `seconds`, each at its scheduled time whether or not earlier ones
 * have finished (open loop: a slow server gets more concurrent requests, not fewer). `send` receives
 * the send time on the shared clock. Resolves when every request has finished (or after a grace period).
 */
export async function runOpenLoop(options: { rate: number; seconds: number; send: (index: number, t0: number) => Promise<void> }): Promise<OpenLoopResult> {
  const count = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const lags = new Float64Array(count);
  const inFlight: Promise<void>[] = [];
  let failed = 0;
  let firstError: string | null = null;
  const start = nowMs() + 20;
  for (let i = 0; i < count; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - nowMs();
    if (wait > 0) await sleep(Math.ceil(wait));
    const t0 = nowMs();
    lags[i] = t0 - scheduled;
    inFlight.push(
      options.send(i, t0).catch((error: unknown) => {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }),
    );
  }
  await Promise.race([Promise.all(inFlight), sleep(30_000)]);
  return { sent: count, failed, firstError, senderLagMs: summarize(lags) };
}
