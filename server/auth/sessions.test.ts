import { afterEach, describe, expect, it } from "vitest";
import { nextEvent, waitConnected } from "../testing/socket-events";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const MINUTE = 60_000;

/** A test server whose clock only moves when the test says so. */
async function serverWithClock(env: Record<string, string> = {}) {
  const clock = { now: Date.now() };
  server = await startTestServer({ now: () => clock.now, env });
  return { s: server, clock, advance: (ms: number) => (clock.now += ms) };
}

async function meStatus(s: TestServer, cookie: string): Promise<number> {
  return (await fetch(`${s.url}/api/auth/me`, { headers: { cookie } })).status;
}

async function loginResponse(s: TestServer, email: string, headers: Record<string, string> = {}) {
  return fetch(`${s.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
}

describe("session lifetime", () => {
  it("ends a session after its idle timeout, and each use pushes the timeout back", async () => {
    const { s, advance } = await serverWithClock({ WIREDESK_SESSION_IDLE_MINUTES: "30", WIREDESK_SESSION_TTL_HOURS: "12" });
    const { cookie } = await s.signIn("editor");
    advance(20 * MINUTE);
    expect(await meStatus(s, cookie)).toBe(200); // used at minute 20
    advance(25 * MINUTE);
    expect(await meStatus(s, cookie)).toBe(200); // minute 45: 25 minutes after the last use
    advance(31 * MINUTE);
    expect(await meStatus(s, cookie)).toBe(401); // 31 idle minutes: over
    advance(MINUTE);
    expect(await meStatus(s, cookie)).toBe(401); // the failed attempt did not revive it
  });

  it("ends a session at its absolute expiry even while in constant use, and a socket cannot connect with it", async () => {
    const { s, advance } = await serverWithClock({ WIREDESK_SESSION_IDLE_MINUTES: "30", WIREDESK_SESSION_TTL_HOURS: "1" });
    const { cookie } = await s.signIn("viewer");
    for (let minute = 20; minute < 60; minute += 20) {
      advance(20 * MINUTE);
      expect(await meStatus(s, cookie)).toBe(200);
    }
    await expect(waitConnected(s.connect(cookie))).resolves.toBeUndefined();
    advance(20 * MINUTE); // minute 60
    expect(await meStatus(s, cookie)).toBe(401);
    await expect(waitConnected(s.connect(cookie))).rejects.toThrow("unauthorized");
  });

  it("cuts an open socket when its session's lifetime ends", async () => {
    server = await startTestServer({ env: { WIREDESK_SESSION_TTL_HOURS: String(3 / 3600) } }); // 3 s sessions, real clock
    const { cookie } = await server.signIn("editor");
    const socket = server.connect(cookie);
    await nextEvent(socket, "sync:completed");
    const cut = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    expect(await nextEvent(socket, "session:revoked", 10_000)).toEqual({ reason: "expired" });
    expect(await cut).toBe("io server disconnect");
    expect(await meStatus(server, cookie)).toBe(401);
  });

  it("sets an httpOnly, SameSite=Lax cookie that lives as long as the session", async () => {
    const { s } = await serverWithClock({ WIREDESK_SESSION_TTL_HOURS: "8" });
    await s.signIn("viewer", "cookie@test.wiredesk");
    const setCookie = (await loginResponse(s, "cookie@test.wiredesk")).headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^wd_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain(`Max-Age=${8 * 3600}`);
    expect(setCookie).not.toContain("Secure"); // plain HTTP: a Secure cookie would never come back
  });
});

describe("Secure cookie over HTTPS", () => {
  it("marks the cookie Secure when a trusted proxy says the request came over HTTPS", async () => {
    server = await startTestServer({ env: { WIREDESK_TRUST_PROXY: "1" } });
    await server.signIn("viewer", "tls@test.wiredesk");
    const overTls = await loginResponse(server, "tls@test.wiredesk", { "x-forwarded-proto": "https" });
    expect(overTls.status).toBe(200);
    expect(overTls.headers.get("set-cookie")).toMatch(/; Secure$/);
    const plain = await loginResponse(server, "tls@test.wiredesk", { "x-forwarded-proto": "http" });
    expect(plain.headers.get("set-cookie")).not.toContain("Secure");
  });

  it("ignores X-Forwarded-Proto from an untrusted client", async () => {
    server = await startTestServer({ env: { WIREDESK_TRUST_PROXY: "0" } });
    await server.signIn("viewer", "spoof@test.wiredesk");
    const spoofed = await loginResponse(server, "spoof@test.wiredesk", { "x-forwarded-proto": "https" });
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.get("set-cookie")).not.toContain("Secure");
  });
});
