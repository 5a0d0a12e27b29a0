import { expect } from "vitest";

/** A new flat copy of the input, so no cache keyed on the string (V8 caches some regex results) is timed. */
function fresh<T>(input: T): T {
  if (typeof input === "string") return Buffer.from(input, "utf8").toString("utf8") as T;
  if (input instanceof Uint8Array) return new Uint8Array(input) as T;
  return input;
}

/**
 * CPU time of one run on a fresh copy of the input, in ms. CPU time rather than wall time: on a
 * busy machine the wall clock also counts the time other processes had the CPU.
 */
function timeOnce<T>(input: T, run: (input: T) => unknown): number {
  const copy = fresh(input);
  const start = process.cpuUsage();
  run(copy);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The median CPU time of a few runs on fresh copies of the input, in ms. */
export function medianRun<T>(input: T, run: (input: T) => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeOnce(input, run));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Options of {@link expectLinear}. */
export interface LinearOptions {
  /** The largest accepted ratio of the 20x time to the 1x time (100: linear is ~20-60 on a busy machine, quadratic 400+). */
  maxRatio?: number;
}

/** The small input grows (doubling its scale) until it is at least this large. */
const MIN_SIZE = 4_000;
/** Small inputs run this long in a row at least (ms of CPU), so timer resolution does not decide. */
const MIN_BATCH_MS = 3;
/**
 * A large run this fast is fast enough whatever the ratio: the small input then sits in the CPU's caches
 * and V8's fastest string paths (htmlToText measured 1.4 ns a character at 46 KB and 10 at 180 KB, then
 * flat to 3 MB), which no quadratic algorithm explains; a quadratic one on 100-200 KB takes far longer.
 */
const FAST_ENOUGH_MS = 5;

function sizeOf(input: unknown, scale: number): number {
  return typeof input === "string" ? input.length : input instanceof Uint8Array ? input.byteLength : scale;
}

/** CPU ms per run of `runs` runs in a row on one fresh copy of the input. */
function timeBatch<T>(input: T, run: (input: T) => unknown, runs: number): number {
  const copy = fresh(input);
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) run(copy);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / runs;
}

/**
 * Checks that `run` is linear in its input: 20x the input may take at most `maxRatio` (100) times as
 * long. Linear code takes about 20x on a quiet machine; garbage collection and caches (a small input
 * stays in the CPU's cache, a large one does not) push it to 30-60x on a loaded one. Quadratic code
 * takes 400x and more, so the margin absorbs the machine without letting a quadratic algorithm through.
 * The inputs stay small (a few kilobytes, and 20 times that), which keeps the check fast and garbage
 * collection out of it; the small one is timed over a batch of runs long enough to measure. Both are
 * warmed up, then timed alternately, and the fastest of each is compared (a busy machine only ever
 * adds time). Times are CPU times of the process (see timeOnce).
 */
export function expectLinear<T = string>(label: string, build: (scale: number) => T, run: (input: T) => unknown, options: LinearOptions = {}): void {
  const { maxRatio = 100 } = options;
  let scale = 1;
  let small = build(scale);
  while (sizeOf(small, scale) < MIN_SIZE && scale < 1024) small = build((scale *= 2));
  const large = build(scale * 20);
  // Warm-up, so the optimizing compiler has done its work before anything is measured.
  for (let i = 0; i < 5; i++) timeOnce(small, run);
  timeOnce(large, run);
  const once = Math.max(timeOnce(small, run), 0.001);
  const batch = Math.min(1000, Math.max(1, Math.ceil(MIN_BATCH_MS / once)));
  // Alternate the sizes; the fastest of each. A ratio past the bound is measured again (twice at
  // most): a quadratic helper fails every time, a pause of the machine does not recur on each try.
  let smallMs = Number.POSITIVE_INFINITY;
  let largeMs = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && (attempt === 0 || largeMs / smallMs > maxRatio); attempt++) {
    for (let round = 0; round < 3; round++) {
      smallMs = Math.min(smallMs, timeBatch(small, run, batch));
      largeMs = Math.min(largeMs, timeOnce(large, run));
    }
  }
  const detail = `${label}: ${sizeOf(small, scale)} in ${smallMs.toFixed(3)} ms, ${sizeOf(large, scale * 20)} in ${largeMs.toFixed(2)} ms`;
  if (process.env.LINEAR_TIME_REPORT) console.log(`${(largeMs / smallMs).toFixed(1)}x  ${detail}`);
  if (largeMs >= FAST_ENOUGH_MS) expect(largeMs / smallMs, detail).toBeLessThanOrEqual(maxRatio);
}
