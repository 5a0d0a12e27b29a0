import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROUTE_TABLE } from "../http/route-table";
import { minimalRequest, routeKey } from "../testing/route-walk";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

async function adminCall(s: TestServer, cookie: string, method: string, urlPath: string, body?: unknown) {
  const response = await fetch(`${s.url}${urlPath}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

async function listTokens(s: TestServer, cookie: string): Promise<TokenRow[]> {
  return ((await adminCall(s, cookie, "GET", "/api/ingest-tokens")).body as { tokens: TokenRow[] }).tokens;
}

function ingestWith(s: TestServer, token: string, uri: string) {
  return fetch(`${s.url}/api/ingest`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: ninjsStory({ uri }) });
}

describe("ingest tokens", () => {
  it("an admin creates a named token, sees the secret once, and the list never shows it or its hash", async () => {
    server = await startTestServer();
    const admin = await server.signIn("admin");
    const created = await adminCall(server, admin.cookie, "POST", "/api/ingest-tokens", { name: "AFP feed" });
    expect(created.status).toBe(201);
    const { id, name, token } = created.body as { id: string; name: string; token: string };
    expect(name).toBe("AFP feed");
    expect(token).toMatch(/^wdi_[A-Za-z0-9_-]{43}$/);

    const listed = await listTokens(server, admin.cookie);
    expect(listed).toEqual([{ id, name: "AFP feed", createdAt: expect.any(String) as string, revokedAt: null, lastUsedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(token);

    // Stored hashed: the secret appears nowhere in the database files.
    await server.stop({ keepFiles: true });
    const files = readdirSync(server.dir).filter((f) => f.startsWith("wiredesk.db"));
    for (const file of files) expect(readFileSync(path.join(server.dir, file)).includes(token)).toBe(false);
  });

  it("refuses bad names with 400", async () => {
    server = await startTestServer();
    const admin = await server.signIn("admin");
    for (const body of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(81) }, { name: "ok", extra: true }]) {
      expect((await adminCall(server, admin.cookie, "POST", "/api/ingest-tokens", body)).status).toBe(400);
    }
  });

  it("a token can ingest and nothing else: every other non-public route answers 401 to it", async () => {
    // With a metrics token set, /metrics is a guarded route too (without one it is 404 to everyone).
    server = await startTestServer({ env: { WIREDESK_METRICS_TOKEN: "ingest-token-test-metrics-0123" } });
    const admin = await server.signIn("admin");
    const { token } = (await adminCall(server, admin.cookie, "POST", "/api/ingest-tokens", { name: "Reuters" })).body as { token: string };
    expect((await ingestWith(server, token, "urn:test:token:1")).status).toBe(201);

    const answers: Record<string, number> = {};
    for (const route of ROUTE_TABLE.filter((r) => r.access !== "public" && r.access !== "ingest")) {
      const { url, init } = minimalRequest(server.url, route, { authorization: `Bearer ${token}` });
      answers[routeKey(route)] = (await fetch(url, init)).status;
    }
    expect(Object.values(answers).every((status) => status === 401)).toBe(true);
    expect(Object.keys(answers).length).toBeGreaterThan(10);
  });

  it("records when a token was last used, writing at most once a minute", async () => {
    const clock = { now: Date.parse("2030-01-01T10:00:00Z") };
    server = await startTestServer({ now: () => clock.now });
    const admin = await server.signIn("admin");
    const { token } = (await adminCall(server, admin.cookie, "POST", "/api/ingest-tokens", { name: "dpa" })).body as { token: string };
    await ingestWith(server, token, "urn:test:used:1");
    expect((await listTokens(server, admin.cookie))[0]?.lastUsedAt).toBe("2030-01-01T10:00:00.000Z");
    clock.now += 30_000;
    await ingestWith(server, token, "urn:test:used:2");
    expect((await listTokens(server, admin.cookie))[0]?.lastUsedAt).toBe("2030-01-01T10:00:00.000Z");
    clock.now += 60_000;
    await ingestWith(server, token, "urn:test:used:3");
    expect((await listTokens(server, admin.cookie))[0]?.lastUsedAt).toBe("2030-01-01T10:01:30.000Z");
  });

  it("a revoked token stops working at once; creation and revocation are in the audit log", async () => {
    server = await startTestServer();
    const admin = await server.signIn("admin");
    const { id, token } = (await adminCall(server, admin.cookie, "POST", "/api/ingest-tokens", { name: "Old agency" })).body as { id: string; token: string };
    expect((await ingestWith(server, token, "urn:test:revoke:1")).status).toBe(201);
    expect((await adminCall(server, admin.cookie, "DELETE", `/api/ingest-tokens/${id}`)).status).toBe(204);
    const refused = await ingestWith(server, token, "urn:test:revoke:2");
    expect(refused.status).toBe(401);
    expect((await listTokens(server, admin.cookie))[0]?.revokedAt).toEqual(expect.any(String));
    expect((await adminCall(server, admin.cookie, "DELETE", `/api/ingest-tokens/${id}`)).status).toBe(204); // already revoked: no change
    expect((await adminCall(server, admin.cookie, "DELETE", "/api/ingest-tokens/nope")).status).toBe(404);

    const { entries } = (await adminCall(server, admin.cookie, "GET", "/api/audit")).body as { entries: { action: string; actorId: string; subject: string; detail: unknown }[] };
    const tokenEntries = entries.filter((e) => e.action.startsWith("ingest_token_"));
    expect(tokenEntries).toEqual([
      expect.objectContaining({ action: "ingest_token_revoked", actorId: admin.userId, subject: id, detail: { name: "Old agency" } }),
      expect.objectContaining({ action: "ingest_token_created", actorId: admin.userId, subject: id, detail: { name: "Old agency" } }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(token);
  });
});
