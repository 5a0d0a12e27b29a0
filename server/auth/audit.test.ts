import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { ninjsStory, startTestServer, TEST_INGEST_TOKEN, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { hashSecret } from "./session-token";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown> | null;
}

async function call(s: TestServer, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${s.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json().catch(() => null)) as unknown };
}

async function auditEntries(s: TestServer, cookie: string, query = ""): Promise<AuditEntry[]> {
  return ((await call(s, "GET", `/api/audit${query}`, { cookie })).body as { entries: AuditEntry[] }).entries;
}

describe("audit log", () => {
  it("records logins, failed logins, role changes and token changes, newest first, for admins", async () => {
    server = await startTestServer();
    const admin = await server.signIn("admin", "auditor@test.wiredesk");
    const editor = await server.signIn("editor", "audited@test.wiredesk");
    await call(server, "POST", "/api/auth/login", {}, { email: "audited@test.wiredesk", password: "a wrong guess" });
    await call(server, "PATCH", `/api/users/${editor.userId}`, { cookie: admin.cookie }, { role: "chief" });
    const { id: tokenId } = (await call(server, "POST", "/api/ingest-tokens", { cookie: admin.cookie }, { name: "Wire A" })).body as { id: string };
    await call(server, "DELETE", `/api/ingest-tokens/${tokenId}`, { cookie: admin.cookie });

    const entries = await auditEntries(server, admin.cookie);
    const summary = entries.map((e) => `${e.action} ${e.subject === editor.userId ? "editor" : e.subject === admin.userId ? "admin" : e.subject}`);
    expect(summary.slice(0, 6)).toEqual([
      `ingest_token_revoked ${tokenId}`,
      `ingest_token_created ${tokenId}`,
      "sessions_revoked editor", // a role change ends the user's sessions
      "role_changed editor",
      "login_failed audited@test.wiredesk",
      "login editor",
    ]);
    expect(entries.find((e) => e.action === "role_changed")).toMatchObject({ actorId: admin.userId, detail: { from: "editor", to: "chief" } });
    expect(entries.find((e) => e.action === "login_failed")).toMatchObject({ actorId: editor.userId, detail: { address: expect.any(String) as string } });
    expect(entries.some((e) => e.action === "login" && e.subject === admin.userId)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain("a wrong guess");
    expect(JSON.stringify(entries)).not.toContain(TEST_PASSWORD);

    expect(await auditEntries(server, admin.cookie, "?limit=2")).toHaveLength(2);
    expect((await call(server, "GET", "/api/audit?limit=0", { cookie: admin.cookie })).status).toBe(400);
    expect((await call(server, "GET", "/api/audit", { cookie: editor.cookie })).status).toBe(401); // their session ended with the role change
  });
});

describe("logs", () => {
  it("never contain passwords, session ids or tokens, even at debug level", async () => {
    const lines: string[] = [];
    server = await startTestServer({ logger: createLogger("debug", { write: (line: string) => void lines.push(line) }) });
    const admin = await server.signIn("admin", "logs@test.wiredesk");
    const sessionId = admin.cookie.split("=")[1] ?? "";
    await call(server, "POST", "/api/auth/login", {}, { email: "logs@test.wiredesk", password: "guessed-secret-1" });
    const { token } = (await call(server, "POST", "/api/ingest-tokens", { cookie: admin.cookie }, { name: "Logged" })).body as { token: string };
    await fetch(`${server.url}/api/ingest`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: ninjsStory({ uri: "urn:test:logs" }) });
    await fetch(`${server.url}/api/ingest?token=${TEST_INGEST_TOKEN}`, { method: "POST", headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}` }, body: "not a wire" });
    await call(server, "POST", "/api/auth/password", { cookie: admin.cookie }, { currentPassword: TEST_PASSWORD, newPassword: "brand-new-password-2" });
    // A careless log call with a request's headers and a password must still come out redacted.
    server.desk.ctx.logger.debug({ req: { headers: { cookie: admin.cookie, authorization: `Bearer ${token}` } }, password: TEST_PASSWORD, token }, "careless");
    await call(server, "POST", "/api/auth/logout", { cookie: admin.cookie });

    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(5); // the requests were logged...
    expect(log).toContain('"path":"/api/auth/login"');
    for (const secret of [TEST_PASSWORD, "guessed-secret-1", "brand-new-password-2", sessionId, hashSecret(sessionId), token, TEST_INGEST_TOKEN]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret); // ...but none of the secrets
    }
    expect(log).toContain("[redacted]");
  });
});
