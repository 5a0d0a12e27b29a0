import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { makeTempDir, REPO_ROOT, stopChild, trackChild } from "../children";
import { benchLog } from "../log";
import { runQueueBrowserBench, type QueueBrowserBenchResult } from "../queue-browser";
import { BENCH_INGEST_TOKEN } from "../servers";

const EMAIL = "bench-admin@bench.wiredesk";
const PASSWORD = "bench-admin-password";

/** Builds Next once when there is no build yet (as `npm start` does): the browser needs the pages. */
function ensureNextBuild(): void {
  if (existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) return;
  benchLog("no Next build found: running `next build` once for the browser figure…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: REPO_ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
}

/**
 * The browser figure of part 4: the real desk (server/main.ts with Next, production build) on a fresh
 * temporary database, and bench/queue-browser.ts driving Chromium against it (it seeds its stories).
 */
export async function measureQueueInBrowser(options: { stories: number; rate: number; seconds: number }): Promise<QueueBrowserBenchResult> {
  ensureNextBuild();
  const dbFile = path.join(makeTempDir("browser"), "wiredesk.db");
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: "0",
      HOST: "127.0.0.1",
      WIREDESK_DB: dbFile,
      WIREDESK_ADMIN_EMAIL: EMAIL,
      WIREDESK_ADMIN_PASSWORD: PASSWORD,
      WIREDESK_INGEST_TOKEN: BENCH_INGEST_TOKEN,
      WIREDESK_LOG_LEVEL: "warn",
    },
  });
  trackChild(child);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error("the desk did not start within 120 s")), 120_000);
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        const match = /running at https?:\/\/[^:/\s]+:(\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once("exit", (code) => reject(new Error(`the desk exited (${code}) before it was ready`)));
    });
    return await runQueueBrowserBench({
      baseUrl: `http://127.0.0.1:${port}`,
      email: EMAIL,
      password: PASSWORD,
      ingestToken: BENCH_INGEST_TOKEN,
      loadStories: options.stories,
      ratePerSecond: options.rate,
      durationSeconds: options.seconds,
      log: (line) => benchLog(`browser: ${line}`),
    });
  } finally {
    await stopChild(child);
  }
}
