import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { makeTempDir, REPO_ROOT, stopChild, trackChild } from "./children";
import { benchLog } from "./log";
import { BENCH_INGEST_TOKEN } from "./servers";

/** The bootstrap admin of a real desk started here. */
export const REAL_DESK_ADMIN = { email: "bench-admin@bench.wiredesk", password: "bench-admin-password" };

/** Builds Next once when there is no build yet (as `npm start` does): pages need it. */
export function ensureNextBuild(): void {
  if (existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) return;
  benchLog("no Next build found: running `next build` once…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { cwd: REPO_ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
}

/**
 * The real desk (server/main.ts with Next, production build) on a fresh temporary database, its admin
 * bootstrapped and the bench's ingest token accepted. Resolves once it listens.
 */
export async function startRealDesk(env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  ensureNextBuild();
  const dbFile = path.join(makeTempDir("real-desk"), "wiredesk.db");
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
      WIREDESK_ADMIN_EMAIL: REAL_DESK_ADMIN.email,
      WIREDESK_ADMIN_PASSWORD: REAL_DESK_ADMIN.password,
      WIREDESK_INGEST_TOKEN: BENCH_INGEST_TOKEN,
      WIREDESK_LOG_LEVEL: "warn",
      ...env,
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
    return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Signs the bootstrap admin in; resolves with the session cookie. */
export async function signInAdmin(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify(REAL_DESK_ADMIN) });
  if (response.status !== 200) throw new Error(`login answered ${response.status}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
  if (!cookie) throw new Error("login set no cookie");
  return cookie;
}
