import { io as connectSocket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitConnected } from "../testing/socket-events";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { WIREDESK_PUBLIC_URL: "https://desk.example.org" } });
});
afterAll(async () => server.stop());

const CROSS_SITE = { origin: "https://evil.example" };
const REFUSED = { error: { code: "cross_origin", message: "Cross-site requests are refused." } };

async function post(path: string, headers: Record<string, string>, body = "{}") {
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

describe("cross-site requests", () => {
  it("refuses an anonymous cross-site login with 403 before looking at credentials or the body", async () => {
    await server.signIn("editor", "csrf-login@test.wiredesk");
    const withCredentials = await post("/api/auth/login", CROSS_SITE, JSON.stringify({ email: "csrf-login@test.wiredesk", password: TEST_PASSWORD }));
    expect(withCredentials).toEqual({ status: 403, body: REFUSED });
    expect(await post("/api/auth/login", CROSS_SITE, "not json at all")).toEqual({ status: 403, body: REFUSED });
  });

  it("refuses cross-site writes of a signed-in user with 403, and nothing changes", async () => {
    const admin = await server.signIn("admin");
    const logout = await post("/api/auth/logout", { ...CROSS_SITE, cookie: admin.cookie });
    expect(logout).toEqual({ status: 403, body: REFUSED });
    const created = await post("/api/users", { ...CROSS_SITE, cookie: admin.cookie }, JSON.stringify({ email: "planted@test.wiredesk", name: "Planted", role: "admin", password: "planted-password" }));
    expect(created).toEqual({ status: 403, body: REFUSED });

    const users = (await (await fetch(`${server.url}/api/users`, { headers: { cookie: admin.cookie } })).json()) as { users: { email: string }[] };
    expect(users.users.map((u) => u.email)).not.toContain("planted@test.wiredesk");
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: admin.cookie } })).status).toBe(200); // still signed in
  });

  it("refuses by Sec-Fetch-Site when a browser sends no Origin, and refuses the opaque origin null", async () => {
    const { cookie } = await server.signIn("editor");
    expect((await post("/api/auth/logout", { cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post("/api/auth/logout", { cookie, "sec-fetch-site": "same-site" })).status).toBe(403); // another port or subdomain
    expect((await post("/api/auth/logout", { cookie, origin: "null" })).status).toBe(403); // sandboxed iframes, data: pages
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
  });

  it("takes the desk's origin from WIREDESK_PUBLIC_URL when it is set, not from the Host header", async () => {
    const first = await server.signIn("editor");
    expect((await post("/api/auth/logout", { cookie: first.cookie, origin: server.url })).status).toBe(403); // Host says 127.0.0.1: not believed
    expect((await post("/api/auth/logout", { cookie: first.cookie, origin: "https://desk.example.org" })).status).toBe(204);
  });

  it("refuses a socket handshake from another origin, even with a valid session", async () => {
    const { cookie } = await server.signIn("viewer");
    for (const transports of [["websocket"], ["polling"]]) {
      const socket = connectSocket(server.url, { transports, forceNew: true, reconnection: false, extraHeaders: { cookie, origin: "https://evil.example" } });
      await expect(waitConnected(socket)).rejects.toThrow();
      socket.disconnect();
    }
    const own = connectSocket(server.url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie, origin: "https://desk.example.org" } });
    await expect(waitConnected(own)).resolves.toBeUndefined();
    own.disconnect();
  });
});
