import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_MAX_BYTES } from "../realtime/attach";
import { nextEvent } from "../testing/socket-events";
import { startTestServer, TEST_INGEST_TOKEN, type TestServer } from "../testing/test-server";

let server: TestServer;
let adminCookie: string;
beforeAll(async () => {
  server = await startTestServer({ env: { WIREDESK_MAX_DELIVERY_BYTES: "2048" } });
  adminCookie = (await server.signIn("admin")).cookie;
});
afterAll(async () => server.stop());

async function errorOf(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code };
}

/** A body sent in chunks without Content-Length, so the server cannot refuse it by the header alone. */
function streamed(bytes: number): { body: ReadableStream<Uint8Array>; duplex: "half" } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(16 * 1024, bytes - sent)).fill(0x20);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, duplex: "half" };
}

describe("input bounds", () => {
  it("refuses an oversize JSON body with 413, declared or streamed", async () => {
    const padding = "x".repeat(70 * 1024);
    const declared = await fetch(`${server.url}/api/users`, {
      method: "POST",
      headers: { cookie: adminCookie, "content-type": "application/json" },
      body: JSON.stringify({ email: "big@test.wiredesk", name: padding, role: "viewer", password: "long enough password" }),
    });
    expect(await errorOf(declared)).toEqual({ status: 413, code: "payload_too_large" });
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a@b.c", password: "p".repeat(9 * 1024) }) });
    expect(await errorOf(login)).toEqual({ status: 413, code: "payload_too_large" });
    const chunked = await fetch(`${server.url}/api/users`, { method: "POST", headers: { cookie: adminCookie, "content-type": "application/json" }, ...streamed(200 * 1024) });
    expect(await errorOf(chunked)).toEqual({ status: 413, code: "payload_too_large" });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("refuses a delivery over WIREDESK_MAX_DELIVERY_BYTES with 413, and takes one under it", async () => {
    const headers = { authorization: `Bearer ${TEST_INGEST_TOKEN}` };
    const over = await fetch(`${server.url}/api/ingest?format=plain`, { method: "POST", headers, body: "word ".repeat(500) });
    expect(await errorOf(over)).toEqual({ status: 413, code: "payload_too_large" });
    const overStreamed = await fetch(`${server.url}/api/ingest?format=plain`, { method: "POST", headers, ...streamed(64 * 1024) });
    expect(await errorOf(overStreamed)).toEqual({ status: 413, code: "payload_too_large" });
    const under = await fetch(`${server.url}/api/ingest?format=plain`, { method: "POST", headers, body: "word ".repeat(300) });
    expect(under.status).not.toBe(413);
  });

  it("closes a socket that sends a payload over maxHttpBufferSize; normal payloads pass", async () => {
    const socket = server.connect(adminCookie);
    await nextEvent(socket, "sync:completed");
    const raw = socket as unknown as { emit(event: string, payload: unknown): void };
    raw.emit("presence:set", { storyId: null, mode: "viewing" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(socket.connected).toBe(true);

    const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    raw.emit("presence:set", { storyId: "x".repeat(SOCKET_MAX_BYTES + 1024), mode: "viewing" });
    expect(await closed).toMatch(/transport (close|error)/);
  });
});
