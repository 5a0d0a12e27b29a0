/**
 * Browser benchmark of the live queue: a real Chromium (driven by Playwright) loads 50,000 stories
 * into the desk, then stories stream in at 100 per second for about 20 s while the queue scrolls.
 * The queue is scrolled with real wheel input (optionally taking "N new" now and then). A PerformanceObserver records long tasks (main-thread tasks over 50 ms); the result is the share of
 * one-second windows that contain one (target: at most 1%). Not part of the test suite.
 *
 * CLI: `tsx bench/queue-browser.ts --base-url http://127.0.0.1:3000 --email E --password P --token T
 *       [--stories 50000] [--rate 100] [--seconds 20] [--reveal-every 5] [--json]`
 * (or WIREDESK_BENCH_BASE_URL, _EMAIL, _PASSWORD, _TOKEN in the environment).
 */
import { pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";
import { loadedCount, loadQueue, OBSERVERS, scrollLikeAnEditor, WATCHER } from "./queue-browser-page";
import { countStories, ingest, seed, STREAM_TICK_MS, wireItem } from "./queue-browser-wire";

/** What the benchmark needs: a running desk, a user who can read the queue, an ingest token. */
export interface QueueBrowserBenchOptions {
  baseUrl: string;
  email: string;
  password: string;
  /** A token for `POST /api/ingest`: the stream, and seeding when the database holds too few stories. */
  ingestToken: string;
  /** Stories to load into the browser before streaming (default 50,000). */
  loadStories?: number;
  /** Stories per second during the stream (default 100). */
  ratePerSecond?: number;
  /** Length of the stream in seconds (default 20). */
  durationSeconds?: number;
  /** Also take the "N new" (key n: every held story shows, the queue jumps to the top) this often; 0 (default): never. */
  revealEverySeconds?: number;
  /** Chromium binary (default $CHROMIUM_PATH or /usr/bin/chromium). */
  chromiumPath?: string;
  log?: (line: string) => void;
}

/** One long task as the browser reported it (ms since the page's time origin). */
interface LongTask {
  start: number;
  duration: number;
}

/** A long animation frame and the scripts that ran in it (to explain a long task). */
export interface SlowFrame {
  start: number;
  duration: number;
  blocking: number;
  scripts: { invoker: string; source: string; duration: number }[];
}

/** What the benchmark measured. */
export interface QueueBrowserBenchResult {
  loadedStories: number;
  loadSeconds: number;
  streamedStories: number;
  /** Stories the queue holds after the stream minus before: equals `streamedStories` when none is lost or doubled. */
  arrivedInQueue: number;
  windows: number;
  windowsWithLongTask: number;
  /** windowsWithLongTask / windows. */
  longTaskWindowShare: number;
  target: number;
  passed: boolean;
  longTasks: { count: number; maxMs: number; totalMs: number };
  frames: { count: number; p99Ms: number; maxMs: number; over50Ms: number };
  scrolledPixels: number;
  /** The slowest animation frames during the stream, with script attribution (the five longest). */
  slowFrames: SlowFrame[];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Runs the benchmark against a running desk; see the file comment. */
export async function runQueueBrowserBench(options: QueueBrowserBenchOptions): Promise<QueueBrowserBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[queue-browser] ${line}\n`));
  const loadStories = options.loadStories ?? 50_000;
  const rate = options.ratePerSecond ?? 100;
  const seconds = options.durationSeconds ?? 20;
  const browser = await chromium.launch({
    executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ baseURL: options.baseUrl, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(OBSERVERS);
    const login = await page.request.post("/api/auth/login", { data: { email: options.email, password: options.password } });
    if (!login.ok()) throw new Error(`sign-in answered ${login.status()}`);

    const present = await countStories(page);
    if (present < loadStories) {
      log(`the database holds ${present} stories; ingesting ${loadStories - present} more`);
      await seed(options, loadStories - present, log);
    }

    await page.goto("/?desk=all");
    await page.getByRole("status", { name: "Connection: Live" }).waitFor({ timeout: 60_000 });
    const loadStarted = Date.now();
    const loadedStories = await loadQueue(page, loadStories, log);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    log(`${loadedStories} stories in the browser after ${loadSeconds.toFixed(1)} s; streaming ${rate}/s for ${seconds} s while scrolling`);

    // Start in the middle of the queue, then scroll with the wheel (and jump to the new stories now and then).
    const before = await loadedCount(page);
    const started = await page.evaluate<number>(WATCHER);
    let isStreaming = true;
    const scrolling = scrollLikeAnEditor(page, (options.revealEverySeconds ?? 0) * 1000, () => !isStreaming);

    const run = `stream${Date.now()}`;
    const perTick = (rate * STREAM_TICK_MS) / 1000;
    const ticks = Math.round((seconds * 1000) / STREAM_TICK_MS);
    const inFlight: Promise<void>[] = [];
    const streamStart = Date.now();
    let sent = 0;
    for (let tick = 0; tick < ticks; tick++) {
      const due = Math.round((tick + 1) * perTick) - sent;
      const items = Array.from({ length: due }, (_, i) => wireItem(sent + i, run));
      sent += due;
      inFlight.push(ingest(options, items));
      const wait = streamStart + (tick + 1) * STREAM_TICK_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await Promise.all(inFlight);
    await page.waitForTimeout(1500); // the last events reach the page
    isStreaming = false;
    const scrolledPixels = await scrolling;
    const measured = await page.evaluate(() => {
      const state = window as unknown as { __frames: number[]; __stop: boolean; __longTasks: LongTask[]; __slowFrames: SlowFrame[] };
      state.__stop = true;
      return { frames: state.__frames, longTasks: state.__longTasks, slowFrames: state.__slowFrames, end: performance.now() };
    });
    // Reveal anything held back, then compare the queue's size with what was sent.
    await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Wire queue"]')!;
      list.scrollTop = 0;
    });
    await page.waitForTimeout(2500);
    const after = await loadedCount(page);

    const windows = Math.max(1, Math.floor((measured.end - started) / 1000));
    const tasks: LongTask[] = measured.longTasks.filter((t) => t.start + t.duration >= started);
    let windowsWithLongTask = 0;
    for (let w = 0; w < windows; w++) {
      const from = started + w * 1000;
      const to = from + 1000;
      if (tasks.some((t) => t.start < to && t.start + t.duration > from)) windowsWithLongTask++;
    }
    const frames = [...measured.frames].sort((a, b) => a - b);
    const share = windowsWithLongTask / windows;
    return {
      loadedStories,
      loadSeconds,
      streamedStories: sent,
      arrivedInQueue: after - before,
      windows,
      windowsWithLongTask,
      longTaskWindowShare: share,
      target: 0.01,
      passed: share <= 0.01 && after - before === sent,
      longTasks: { count: tasks.length, maxMs: Math.max(0, ...tasks.map((t) => t.duration)), totalMs: tasks.reduce((sum, t) => sum + t.duration, 0) },
      frames: { count: frames.length, p99Ms: percentile(frames, 0.99), maxMs: frames[frames.length - 1] ?? 0, over50Ms: frames.filter((f) => f > 50).length },
      scrolledPixels: Math.round(scrolledPixels),
      slowFrames: measured.slowFrames
        .filter((f) => f.start >= started)
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 5)
        .map((f) => ({ ...f, start: Math.round(f.start - started), duration: Math.round(f.duration), blocking: Math.round(f.blocking) })),
    };
  } finally {
    await browser.close();
  }
}

function argument(name: string, env: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : process.env[env];
}

async function main(): Promise<void> {
  const required = (name: string, env: string) => {
    const value = argument(name, env);
    if (!value) throw new Error(`--${name} (or ${env}) is required`);
    return value;
  };
  const result = await runQueueBrowserBench({
    baseUrl: required("base-url", "WIREDESK_BENCH_BASE_URL"),
    email: required("email", "WIREDESK_BENCH_EMAIL"),
    password: required("password", "WIREDESK_BENCH_PASSWORD"),
    ingestToken: required("token", "WIREDESK_BENCH_TOKEN"),
    loadStories: Number(argument("stories", "WIREDESK_BENCH_STORIES") ?? 50_000),
    ratePerSecond: Number(argument("rate", "WIREDESK_BENCH_RATE") ?? 100),
    durationSeconds: Number(argument("seconds", "WIREDESK_BENCH_SECONDS") ?? 20),
    revealEverySeconds: Number(argument("reveal-every", "WIREDESK_BENCH_REVEAL_EVERY") ?? 0),
  });
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const pct = (result.longTaskWindowShare * 100).toFixed(1);
    process.stdout.write(
      [
        `stories loaded in the browser   ${result.loadedStories} (${result.loadSeconds.toFixed(1)} s)`,
        `streamed / arrived in the queue ${result.streamedStories} / ${result.arrivedInQueue}`,
        `1 s windows with a task > 50 ms ${result.windowsWithLongTask} of ${result.windows} (${pct}%, target ≤ 1%)`,
        `long tasks                      ${result.longTasks.count}, longest ${result.longTasks.maxMs.toFixed(0)} ms`,
        `frames                          ${result.frames.count}, p99 ${result.frames.p99Ms.toFixed(1)} ms, ${result.frames.over50Ms} over 50 ms`,
        `scrolled                        ${result.scrolledPixels} px`,
        result.passed ? "PASS" : "FAIL",
      ].join("\n") + "\n",
    );
  }
  process.exit(result.passed ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
