import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connectSocket, type Socket } from "socket.io-client";
import { createWiredesk, type PageHandler, type Wiredesk } from "../app";
import type { AppContext } from "../app-context";
import { createUser } from "../auth/service";
import { createContext } from "../context";
import type { Role } from "../contract/auth";
import type { ClientToServerEvents, ServerToClientEvents } from "../contract/events";
import { parseEnv } from "../env";
import { createLogger, type Logger } from "../logger";

export const TEST_INGEST_TOKEN = "test-ingest-token-0123456789abcdef";
export const TEST_PASSWORD = "correct horse battery";

/** A real Wiredesk (API + Socket.IO, no Next) on a random port with a temp SQLite file. */
export interface TestServer {
  desk: Wiredesk;
  url: string;
  dbFile: string;
  dir: string;
  /** Creates a user and returns a Cookie header for their session. */
  signIn(role: Role, email?: string): Promise<{ cookie: string; userId: string }>;
  /** Connects a real socket.io-client with the cookie. */
  connect(cookie: string | null, auth?: { lastSeq?: number }): Socket<ServerToClientEvents, ClientToServerEvents>;
  ingest(body: string | Uint8Array, query?: string): Promise<Response>;
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

/** Starts a test server; pass `dir` to reuse an earlier server's database (restart). */
export async function startTestServer(options: { dir?: string; env?: Record<string, string>; logger?: Logger; now?: () => number; pages?: (ctx: AppContext) => PageHandler } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "wiredesk-test-"));
  const dbFile = path.join(dir, "wiredesk.db");
  const env = parseEnv({ NODE_ENV: "test", WIREDESK_DB: dbFile, WIREDESK_INGEST_TOKEN: TEST_INGEST_TOKEN, WIREDESK_LOG_LEVEL: "silent", ...options.env });
  const ctx = createContext(env, options.logger ?? createLogger("silent"), { now: options.now });
  const desk = createWiredesk(ctx, options.pages?.(ctx));
  const port = await desk.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];
  let userCount = 0;
  return {
    desk,
    url,
    dbFile,
    dir,
    async signIn(role, email) {
      userCount += 1;
      const address = email ?? `${role}${userCount}-${Date.now()}@test.wiredesk`;
      const user = (await ctx.store.accounts.findUserByEmail(address)) ?? (await createUser(ctx, { email: address, name: `${role} ${userCount}`, role, password: TEST_PASSWORD }, null));
      const response = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: address, password: TEST_PASSWORD }) });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      return { cookie, userId: user.id };
    },
    connect(cookie, auth) {
      const socket = connectSocket(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {}, auth: auth ?? {} });
      sockets.push(socket);
      return socket;
    },
    ingest(body, query = "") {
      return fetch(`${url}/api/ingest${query}`, { method: "POST", headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}` }, body: body as BodyInit });
    },
    async stop(stopOptions) {
      for (const s of sockets) s.disconnect();
      await desk.close();
      if (!stopOptions?.keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A minimal ninjs 2.x text story for tests. */
export function ninjsStory(overrides: { uri?: string; version?: number; headline?: string; urgency?: number; body?: string; pubstatus?: string } = {}): string {
  return JSON.stringify({
    uri: overrides.uri ?? `urn:test:${Math.random().toString(36).slice(2)}`,
    version: String(overrides.version ?? 1),
    type: "text",
    pubstatus: overrides.pubstatus ?? "usable",
    urgency: overrides.urgency ?? 5,
    language: "en",
    versioncreated: new Date().toISOString(),
    headlines: [{ role: "main", value: overrides.headline ?? "Test headline" }],
    bodies: [{ role: "main", contenttype: "text/html", value: overrides.body ?? "<p>Test body text.</p>" }],
    copyrightholder: "Testwire",
  });
}
