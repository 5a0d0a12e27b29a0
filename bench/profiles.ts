/** How big each part runs: "full" for the committed results, "smoke" for the test suite and development. */
export interface Profile {
  name: "full" | "smoke";
  /** Pause after connecting, after a warm-up and after a stream (late events still arrive). */
  settleMs: number;
  fanout: { sizes: number[]; rounds: number; warmupRounds: number; gapMs: number };
  connections: { sizes: number[]; settleMs: number };
  ingest: { deliveriesPerFormat: number; rounds: number; latencyRate: number; latencySeconds: number; warmupSeconds: number };
  /** `browser`: stories loaded in Chromium, stories/s streamed, seconds; null skips the browser figure. */
  queue: { stories: number; queries: number; browser: { stories: number; rate: number; seconds: number } | null };
  mixed: { editors: number; rate: number; seconds: number; warmupSeconds: number; stories: number };
  /** Co-editing: editors in one story, stories × 3 editors, typing intervals, seconds, signed-in sessions, documents for memory. */
  coedit: { oneStoryEditors: number; stories: number; intervalMs: number; manyIntervalMs: number; seconds: number; rounds: number; sessions: number; memoryDocs: number; editorProcesses: number };
  /** Publishing: publishes timed; `site` (null skips it: it needs a Next build) runs the public pages under readers. */
  publish: { publishes: number; site: { readers: number; editors: number; rate: number; seconds: number; warmupSeconds: number } | null };
}

/** The sizes the issue asks for (run by `npm run bench`). */
export const FULL: Profile = {
  name: "full",
  settleMs: 1000,
  fanout: { sizes: [100, 1000, 3000], rounds: 20, warmupRounds: 3, gapMs: 250 },
  // Longer than the handshake limiter keeps an address (5 s): an idle editor is charged what stays.
  connections: { sizes: [1000, 3000], settleMs: 6000 },
  ingest: { deliveriesPerFormat: 3000, rounds: 3, latencyRate: 100, latencySeconds: 30, warmupSeconds: 3 },
  queue: { stories: 1_000_000, queries: 200, browser: { stories: 50_000, rate: 100, seconds: 20 } },
  mixed: { editors: 1000, rate: 50, seconds: 60, warmupSeconds: 5, stories: 1_000_000 },
  coedit: { oneStoryEditors: 10, stories: 100, intervalMs: 200, manyIntervalMs: 1000, seconds: 5, rounds: 4, sessions: 30, memoryDocs: 200, editorProcesses: 4 },
  publish: { publishes: 50, site: { readers: 50, editors: 50, rate: 50, seconds: 10, warmupSeconds: 2 } },
};

/** Tiny sizes: every code path in seconds (bench-smoke.test.ts, and development on a shared machine). */
export const SMOKE: Profile = {
  name: "smoke",
  settleMs: 200,
  fanout: { sizes: [10], rounds: 3, warmupRounds: 1, gapMs: 20 },
  connections: { sizes: [50], settleMs: 100 },
  ingest: { deliveriesPerFormat: 20, rounds: 1, latencyRate: 20, latencySeconds: 1, warmupSeconds: 0.5 },
  // No browser in the smoke form: it needs a Next build and Chromium (the e2e specs cover the page itself).
  queue: { stories: 500, queries: 10, browser: null },
  mixed: { editors: 10, rate: 20, seconds: 1, warmupSeconds: 0.5, stories: 500 },
  // 60 documents: over 10, a document's ~17 KB of heap was within a collection's noise and came out negative.
  coedit: { oneStoryEditors: 3, stories: 3, intervalMs: 100, manyIntervalMs: 200, seconds: 1, rounds: 1, sessions: 3, memoryDocs: 60, editorProcesses: 2 },
  // No public-site figure in the smoke form: it needs a Next build (the e2e specs cover the pages).
  publish: { publishes: 5, site: null },
};
