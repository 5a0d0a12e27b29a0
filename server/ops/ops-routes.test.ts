import { afterEach, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { getProcessDb } from "@/db/client";
import { createLogger } from "../logger";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

const METRICS_TOKEN = "ops-metrics-token-0123456789";
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe("operations endpoints", () => {
  it("/readyz says ready on a migrated writable database and 503 while shutting down", async () => {
    server = await startTestServer();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", writable: true, pendingMigrations: [], problem: null });
    server.desk.ctx.shuttingDown = true;
    const draining = await fetch(`${server.url}/readyz`);
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as { problem: string }).problem).toBe("shutting down");
  });

  it("/readyz answers 503 with the pending migrations when the database lacks one", async () => {
    server = await startTestServer();
    // As if the newest shipped migration had not run on this database (the server's own connection).
    const sqlite = getProcessDb(server.dbFile).$client;
    sqlite.exec("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)");
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { pendingMigrations: string[] };
    expect(body.pendingMigrations.length).toBe(1);
  });

  it("/metrics is 404 without WIREDESK_METRICS_TOKEN", async () => {
    server = await startTestServer();
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
  });

  it("/metrics needs the token (401 without or wrong) and counts sockets, ingested stories by format, latencies, event-loop delay, DB size", async () => {
    server = await startTestServer({ env: { WIREDESK_METRICS_TOKEN: METRICS_TOKEN } });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const { cookie } = await server.signIn("editor");
    const socket = server.connect(cookie);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    for (let i = 0; i < 3; i++) expect((await server.ingest(ninjsStory())).status).toBe(201);
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^wiredesk_connected_sockets 1$/m);
    expect(text).toMatch(/^wiredesk_stories_ingested_total\{format="ninjs",outcome="created"\} 3$/m);
    expect(text).toMatch(/^wiredesk_ingest_duration_seconds_count\{format="ninjs"\} 3$/m);
    expect(text).toMatch(/^wiredesk_fanout_duration_seconds_count 3$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expect(Number(/^wiredesk_db_size_bytes (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(10_000);
  });

  it("logs carry a request id, which the answer names in X-Request-Id", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    server = await startTestServer({ env: { WIREDESK_LOG_LEVEL: "debug" }, logger: createLogger("debug", sink) });
    const response = await fetch(`${server.url}/api/stories`, { headers: { "x-request-id": "proxy-id-42" } });
    expect(response.headers.get("x-request-id")).toBe("proxy-id-42");
    const own = await fetch(`${server.url}/healthz`);
    const id = own.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    const logged = lines.map((l) => JSON.parse(l) as { requestId?: string; path?: string });
    expect(logged.find((l) => l.path === "/api/stories")?.requestId).toBe("proxy-id-42");
    expect(logged.find((l) => l.path === "/healthz")?.requestId).toBe(id);
  });

  it("a graceful stop lets an ingest under way finish, and is done within 5 s", async () => {
    server = await startTestServer();
    const { url, desk } = server;
    // A delivery whose body arrives slowly: it is under way when the stop begins.
    const story = new TextEncoder().encode(ninjsStory({ headline: "Under way" }));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(story.slice(0, 20));
        await new Promise((r) => setTimeout(r, 600));
        controller.enqueue(story.slice(20));
        controller.close();
      },
    });
    const posting = fetch(`${url}/api/ingest`, { method: "POST", headers: { authorization: "Bearer test-ingest-token-0123456789abcdef" }, body, duplex: "half" } as RequestInit);
    await new Promise((r) => setTimeout(r, 200));
    expect(desk.inFlight()).toBe(1);
    const started = Date.now();
    const stopped = server.stop({ keepFiles: true });
    const answer = await posting;
    expect(answer.status).toBe(201);
    await stopped;
    expect(Date.now() - started).toBeLessThan(5000);
    server = undefined;
  });
});
