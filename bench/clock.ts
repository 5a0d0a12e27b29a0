import type { RpcClient } from "./ipc";

/**
 * The bench clock, in milliseconds: CLOCK_MONOTONIC via process.hrtime.bigint().
 *
 * Why this one: every process on one Linux machine reads the same CLOCK_MONOTONIC (libuv's uv_hrtime),
 * so a stamp taken in the sender process and one taken in a client process are directly comparable,
 * with nanosecond resolution and no jumps when NTP steps the wall clock. `performance.now()` is
 * relative to each process's own start, and `Date.now()` has millisecond resolution and can step.
 * {@link checkSharedClock} verifies the assumption with each child before a part measures anything.
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Fails unless the child's clock reading falls between two readings of ours (a shared monotonic clock). */
export async function checkSharedClock(rpc: RpcClient): Promise<void> {
  const before = nowMs();
  const theirs = await rpc.call<number>("clock");
  const after = nowMs();
  if (!(theirs >= before && theirs <= after)) {
    throw new Error(`${rpc.label} does not share the monotonic clock (theirs ${theirs}, ours ${before}..${after}); cross-process latencies would be wrong`);
  }
}
