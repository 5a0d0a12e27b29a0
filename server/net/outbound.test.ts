import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FeedDto } from "../contract/feeds";
import { pollFeed } from "../ingest/sources/feed-poller";
import { startTestServer, type TestServer } from "../testing/test-server";
import { outboundPolicy, urlRefusal, type OutboundPolicy } from "./outbound-policy";
import { outboundRequest } from "./outbound-request";

// Every spelling of this host the URL parser accepts, and IPv6 forms of loopback. Tests use loopback only:
// none of them may ever connect to a private or public address.
const LOOPBACK_SPELLINGS = [
  "http://localhost/feed.xml",
  "http://LOCALHOST./feed.xml",
  "http://wire.localhost/feed.xml",
  "http://127.0.0.1/feed.xml",
  "http://2130706433/feed.xml",
  "http://0x7f.1/feed.xml",
  "http://0x7f000001/feed.xml",
  "http://017700000001/feed.xml",
  "http://127.1/feed.xml",
  "http://127.0.1/feed.xml",
  "http://0/feed.xml",
  "http://0.0.0.0/feed.xml",
  "http://[::1]/feed.xml",
  "http://[0:0:0:0:0:0:0:1]/feed.xml",
  "http://[::]/feed.xml",
  "http://[::ffff:127.0.0.1]/feed.xml",
  "http://[::ffff:7f00:1]/feed.xml",
  "https://127.0.0.1:8443/feed.xml",
];

/** A local receiver that counts the connections it gets (it must get none when a request is refused). */
interface Receiver {
  server: Server;
  port: number;
  connections: number;
}

async function startReceiver(handler: (url: string, res: ServerResponse) => void): Promise<Receiver> {
  const receiver: Receiver = { server: createServer((req, res) => handler(req.url ?? "/", res)), port: 0, connections: 0 };
  receiver.server.on("connection", () => (receiver.connections += 1));
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  receiver.port = (receiver.server.address() as AddressInfo).port;
  return receiver;
}

async function stopReceiver(receiver: Receiver): Promise<void> {
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
}

/** A policy whose names all resolve to loopback: what a rebinding name does at connection time. */
function resolvingToLoopback(allowPrivate = false): OutboundPolicy {
  return { ...outboundPolicy(allowPrivate), resolveAll: async () => [{ address: "127.0.0.1", family: 4 }] };
}

describe("the outbound policy refuses non-public addresses before any connection", () => {
  it.each(LOOPBACK_SPELLINGS)("refuses %s", (url) => {
    expect(urlRefusal(outboundPolicy(false), new URL(url))).toMatch(/private or loopback address/);
  });

  it("allows them all with WIREDESK_ALLOW_PRIVATE_URLS", () => {
    for (const url of LOOPBACK_SPELLINGS) expect(urlRefusal(outboundPolicy(true), new URL(url))).toBeNull();
  });

  it("checks a name on the address it resolves to when connecting (rebinding), and the receiver sees no connection", async () => {
    const receiver = await startReceiver((_url, res) => res.end("<rss/>"));
    try {
      const request = outboundRequest(resolvingToLoopback(), { url: `http://wire.test:${receiver.port}/feed.xml`, timeoutMs: 2000, maxBytes: 1000 });
      await expect(request).rejects.toMatchObject({ kind: "refused", message: expect.stringMatching(/wire\.test \(127\.0\.0\.1\) is a private or loopback address/) as unknown });
      expect(receiver.connections).toBe(0);
    } finally {
      await stopReceiver(receiver);
    }
  });

  it("checks every redirect before following it", async () => {
    const target = await startReceiver((_url, res) => res.end("secret"));
    const first = await startReceiver((_url, res) => res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${target.port}/admin` }).end());
    try {
      // Only the first receiver's address counts as allowed here, standing in for a public server.
      const policy: OutboundPolicy = { ...outboundPolicy(false), refusal: (address) => (address === "127.0.0.1" ? null : "loopback") };
      await expect(outboundRequest(policy, { url: `http://127.0.0.1:${first.port}/feed.xml`, timeoutMs: 2000, maxBytes: 1000 })).rejects.toMatchObject({ kind: "refused" });
      expect(first.connections).toBe(1);
      expect(target.connections).toBe(0);
    } finally {
      await stopReceiver(first);
      await stopReceiver(target);
    }
  });

  it("says the same thing for a closed port as for any other unreachable server (no port mapping)", async () => {
    const closed = await startReceiver(() => undefined);
    await stopReceiver(closed);
    const policy = outboundPolicy(true);
    const refusedPort = outboundRequest(policy, { url: `http://127.0.0.1:${closed.port}/`, timeoutMs: 2000, maxBytes: 10 });
    const unresolvable = outboundRequest({ ...policy, resolveAll: () => Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" })) }, { url: "http://nowhere.test/", timeoutMs: 2000, maxBytes: 10 });
    const [a, b] = await Promise.allSettled([refusedPort, unresolvable]);
    expect(a.status === "rejected" && (a.reason as Error).message).toBe("Could not reach the server.");
    expect(b.status === "rejected" && (b.reason as Error).message).toBe("Could not reach the server.");
  });
});

describe("feeds under the outbound policy", () => {
  let server: TestServer;
  let cookie = "";
  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await server.signIn("admin")).cookie;
  });
  afterAll(async () => server.stop());
  afterEach(() => {
    server.desk.ctx.outbound = outboundPolicy(false);
  });

  async function send(method: string, path: string, body: unknown) {
    const response = await fetch(`${server.url}${path}`, { method, headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as FeedDto & { error?: { message: string } } };
  }

  it.each(LOOPBACK_SPELLINGS)("refuses to add or change a feed to %s with 400 naming a private or loopback address", async (url) => {
    const added = await send("POST", "/api/feeds", { name: "Inward", url, intervalSeconds: 60, enabled: false });
    expect(added.status).toBe(400);
    expect(added.body.error?.message).toMatch(/^url: .*private or loopback address/);
    const ok = await send("POST", "/api/feeds", { name: "Outward", url: "https://wire.example.org/feed.xml", intervalSeconds: 60, enabled: false });
    expect(ok.status).toBe(201);
    const changed = await send("PATCH", `/api/feeds/${ok.body.id}`, { url });
    expect(changed.status).toBe(400);
    expect(changed.body.error?.message).toMatch(/private or loopback address/);
  });

  it("refuses at poll time a name that resolves to loopback, with the reason in lastError, and never connects", async () => {
    const receiver = await startReceiver((_url, res) => res.end("<rss/>"));
    try {
      const added = await send("POST", "/api/feeds", { name: "Rebinding", url: `http://wire.test:${receiver.port}/feed.xml`, intervalSeconds: 60, enabled: false });
      expect(added.status).toBe(201);
      server.desk.ctx.outbound = resolvingToLoopback();
      const polled = await pollFeed(server.desk.ctx, added.body.id);
      expect(polled).toMatchObject({ lastStatus: "refused", failures: 1 });
      expect(polled?.lastError).toMatch(/private or loopback address/);
      expect(receiver.connections).toBe(0);
    } finally {
      await stopReceiver(receiver);
    }
  });
});
