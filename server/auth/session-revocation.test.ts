import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nextEvent } from "../testing/socket-events";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => server.stop());

type Client = ReturnType<TestServer["connect"]>;

/** A connected socket, past its catch-up. */
async function liveSocket(cookie: string): Promise<Client> {
  const socket = server.connect(cookie);
  await nextEvent(socket, "sync:completed");
  return socket;
}

/** Resolves with the reason once the socket is disconnected. */
function disconnected(socket: Client, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once("disconnect", (reason) => (clearTimeout(timer), resolve(reason)));
  });
}

async function call(method: string, path: string, cookie: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe("ending sessions cuts live sockets", () => {
  it("logout revokes the session on the server: the old cookie is dead and its socket is cut", async () => {
    const first = await server.signIn("editor", "leaver@test.wiredesk");
    const second = await server.signIn("editor", "leaver@test.wiredesk"); // the same person on another machine
    const socket = await liveSocket(first.cookie);
    const otherSocket = await liveSocket(second.cookie);
    const revoked = nextEvent(socket, "session:revoked", 3000);
    const cut = disconnected(socket);

    const response = await call("POST", "/api/auth/logout", first.cookie);
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toContain("Max-Age=0");
    expect(await revoked).toEqual({ reason: "logged_out" });
    expect(await cut).toBe("io server disconnect");
    expect((await call("GET", "/api/auth/me", first.cookie)).status).toBe(401); // a kept copy of the cookie is useless
    expect((await call("GET", "/api/auth/me", second.cookie)).status).toBe(200); // only this session ended
    expect(otherSocket.connected).toBe(true);
  });

  it("an admin revoking a user's sessions disconnects every socket of that user at once, and no one else's", async () => {
    const admin = await server.signIn("admin");
    const target = await server.signIn("editor", "target@test.wiredesk");
    const targetAgain = await server.signIn("editor", "target@test.wiredesk");
    const bystander = await server.signIn("editor");
    const sockets = [await liveSocket(target.cookie), await liveSocket(targetAgain.cookie)];
    const bystanderSocket = await liveSocket(bystander.cookie);
    const revoked = sockets.map((s) => nextEvent(s, "session:revoked", 3000));
    const cuts = sockets.map((s) => disconnected(s));

    const response = await call("POST", `/api/users/${target.userId}/revoke-sessions`, admin.cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: 2 });
    expect(await Promise.all(revoked)).toEqual([{ reason: "revoked" }, { reason: "revoked" }]);
    expect(await Promise.all(cuts)).toEqual(["io server disconnect", "io server disconnect"]);
    expect((await call("GET", "/api/auth/me", target.cookie)).status).toBe(401);
    expect((await call("GET", "/api/auth/me", targetAgain.cookie)).status).toBe(401);
    expect(bystanderSocket.connected).toBe(true);
    expect((await call("GET", "/api/auth/me", bystander.cookie)).status).toBe(200);
  });

  it("deactivating a user cuts their socket and refuses their next sign-in like a wrong password", async () => {
    const admin = await server.signIn("admin");
    const target = await server.signIn("viewer", "deactivated@test.wiredesk");
    const socket = await liveSocket(target.cookie);
    const revoked = nextEvent(socket, "session:revoked", 3000);
    const cut = disconnected(socket);

    expect((await call("PATCH", `/api/users/${target.userId}`, admin.cookie, { active: false })).status).toBe(200);
    expect(await revoked).toEqual({ reason: "revoked" });
    expect(await cut).toBe("io server disconnect");
    expect((await call("GET", "/api/auth/me", target.cookie)).status).toBe(401);
    await expect(server.signIn("viewer", "deactivated@test.wiredesk")).rejects.toThrow('401 {"error":{"code":"unauthorized","message":"Email or password is not right."}}');
  });

  it("changing a user's role cuts their sockets, so no socket keeps the old role", async () => {
    const admin = await server.signIn("admin");
    const target = await server.signIn("chief", "demoted@test.wiredesk");
    const socket = await liveSocket(target.cookie);
    const cut = disconnected(socket);
    expect((await call("PATCH", `/api/users/${target.userId}`, admin.cookie, { role: "viewer" })).status).toBe(200);
    expect(await cut).toBe("io server disconnect");
    const again = await server.signIn("viewer", "demoted@test.wiredesk");
    expect(await (await call("GET", "/api/auth/me", again.cookie)).json()).toMatchObject({ role: "viewer" });
  });
});

describe("sessions end everywhere at once", () => {
  it("changing one's password ends one's other sessions and cuts their sockets; the session that changed it stays", async () => {
    const here = await server.signIn("editor", "changer@test.wiredesk");
    const elsewhere = await server.signIn("editor", "changer@test.wiredesk");
    const hereSocket = await liveSocket(here.cookie);
    const elsewhereSocket = await liveSocket(elsewhere.cookie);
    const revoked = nextEvent(elsewhereSocket, "session:revoked");
    const cut = disconnected(elsewhereSocket);
    const answer = await call("POST", "/api/auth/password", here.cookie, { currentPassword: "correct horse battery", newPassword: "Another-Horse-42" });
    expect(answer.status).toBe(204);
    expect(await revoked).toEqual({ reason: "password_changed" });
    expect(await cut).toBe("io server disconnect");
    expect((await call("GET", "/api/auth/me", elsewhere.cookie)).status).toBe(401);
    expect((await call("GET", "/api/auth/me", here.cookie)).status).toBe(200);
    expect(hereSocket.connected).toBe(true);
  });
});

describe("the idle timeout cuts sockets too", () => {
  it("cuts the socket of a session that ends by the idle timeout", async () => {
    await server.stop();
    server = await startTestServer({ env: { WIREDESK_SESSION_IDLE_MINUTES: "0.03" } }); // 1.8 s
    const { cookie } = await server.signIn("viewer");
    const socket = await liveSocket(cookie);
    const revoked = nextEvent(socket, "session:revoked");
    expect(await disconnected(socket, 6000)).toBe("io server disconnect");
    expect(await revoked).toEqual({ reason: "expired" });
    expect((await call("GET", "/api/auth/me", cookie)).status).toBe(401);
  });

  it("counts socket activity as use: a session busy on its socket does not end idle", async () => {
    await server.stop();
    server = await startTestServer({ env: { WIREDESK_SESSION_IDLE_MINUTES: "0.03" } }); // 1.8 s
    const { cookie } = await server.signIn("viewer");
    const socket = await liveSocket(cookie);
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await socket.emitWithAck("presence:set", { storyId: null, mode: "viewing" });
    }
    expect(socket.connected).toBe(true);
    expect((await call("GET", "/api/auth/me", cookie)).status).toBe(200);
  });
});
