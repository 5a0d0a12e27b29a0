/**
 * The server under test: the real Wiredesk (createContext + createWiredesk + background jobs, without
 * Next's pages) in its own process, on the SQLite file named by WIREDESK_DB, listening on a random port
 * of 127.0.0.1, printed to stdout as `{"port":…}`. The bench parent measures it over IPC only
 * (memory, event-loop delay, CPU, sessions): nothing here exists in the product.
 */
import { createWiredesk } from "@/server/app";
import { openSession } from "@/server/auth/sessions";
import { createUser } from "@/server/auth/service";
import { SESSION_COOKIE } from "@/server/auth/session-token";
import { createContext } from "@/server/context";
import { parseEnv } from "@/server/env";
import { startBackgroundJobs } from "@/server/jobs";
import { createLogger } from "@/server/logger";
import { serveRpc } from "./ipc";
import { serverStatsHandlers } from "./server-stats";

const env = parseEnv({ ...process.env, PORT: "0", HOST: "127.0.0.1" });
const ctx = createContext(env, createLogger(env.WIREDESK_LOG_LEVEL));
const desk = createWiredesk(ctx);
const stopJobs = startBackgroundJobs(ctx);

/**
 * Real sessions for `count` editors, spread over `users` accounts: the same rows a login creates
 * (openSession), without paying the password KDF thousands of times. The sockets then authenticate
 * exactly as browsers do, with the session cookie.
 */
async function createSessions(payload: { count: number; users?: number }): Promise<string[]> {
  const accounts = [];
  const userCount = Math.max(1, Math.min(payload.users ?? 20, payload.count));
  for (let i = 0; i < userCount; i++) {
    const email = `bench-editor-${i}@bench.wiredesk`;
    accounts.push((await ctx.store.accounts.findUserByEmail(email)) ?? (await createUser(ctx, { email, name: `Bench Editor ${i}`, role: "editor", password: "bench-password-0123" }, null)));
  }
  const cookies: string[] = [];
  for (let i = 0; i < payload.count; i++) {
    const { secret } = await openSession(ctx, accounts[i % accounts.length]!);
    cookies.push(`${SESSION_COOKIE}=${secret}`);
  }
  return cookies;
}

serveRpc({
  ...serverStatsHandlers(),
  sessions: createSessions,
  clients: () => desk.io.engine.clientsCount,
  /** Opens the shared documents of these stories (memory per open document). */
  "collab:open": async (payload: { ids: string[] }) => {
    for (const id of payload.ids) await desk.collab.open(id);
    return desk.collab.openCount;
  },
  /** Unloads every document nobody has joined (written back and compacted first). */
  "collab:unload": () => desk.collab.unloadIdle(),
});

const port = await desk.listen(0, "127.0.0.1");
process.stdout.write(`${JSON.stringify({ port })}\n`);

let isStopping = false;
async function stop(): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  setTimeout(() => process.exit(1), 5000).unref();
  await stopJobs();
  await desk.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
