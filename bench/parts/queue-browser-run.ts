import { benchLog } from "../log";
import { runQueueBrowserBench, type QueueBrowserBenchResult } from "../queue-browser";
import { REAL_DESK_ADMIN, startRealDesk } from "../real-desk";
import { BENCH_INGEST_TOKEN } from "../servers";

/**
 * The browser figure of part 4: the real desk (server/main.ts with Next, production build) on a fresh
 * temporary database, and bench/queue-browser.ts driving Chromium against it (it seeds its stories).
 */
export async function measureQueueInBrowser(options: { stories: number; rate: number; seconds: number }): Promise<QueueBrowserBenchResult> {
  const desk = await startRealDesk();
  try {
    return await runQueueBrowserBench({
      baseUrl: desk.url,
      email: REAL_DESK_ADMIN.email,
      password: REAL_DESK_ADMIN.password,
      ingestToken: BENCH_INGEST_TOKEN,
      loadStories: options.stories,
      ratePerSecond: options.rate,
      durationSeconds: options.seconds,
      log: (line) => benchLog(`browser: ${line}`),
    });
  } finally {
    await desk.stop();
  }
}
