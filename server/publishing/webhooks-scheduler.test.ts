import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";
import { startScheduler } from "./scheduler";
import { startWebhookDispatcher } from "./webhook-dispatcher";

const ENV = { WIREDESK_ALLOW_PRIVATE_URLS: "1", WIREDESK_WEBHOOK_RETRY_BASE_MS: "50" };

interface Received {
  body: string;
  signature: string;
  event: string;
  delivery: string;
}

/** A local receiver that answers 500 to the first `failures` requests, then 200 (at once after `recover`). */
async function startReceiver(failures: number): Promise<{ server: Server; url: string; received: Received[]; attempts: () => number; recover: () => void; close: () => Promise<void> }> {
  const received: Received[] = [];
  let attempts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      attempts += 1;
      if (attempts <= failures) return void res.writeHead(500).end("down");
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["x-wiredesk-signature"]), event: String(req.headers["x-wiredesk-event"]), delivery: String(req.headers["x-wiredesk-delivery"]) });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const recover = () => void (failures = attempts);
  return { server, url, received, attempts: () => attempts, recover, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function register(server: TestServer, admin: string, url: string): Promise<{ id: string; secret: string }> {
  const response = await fetch(`${server.url}/api/webhooks`, { method: "POST", headers: { cookie: admin, "content-type": "application/json", origin: server.url }, body: JSON.stringify({ url, description: "test receiver" }) });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; secret: string };
}

async function publishOne(server: TestServer, chief: string, headline: string): Promise<string> {
  const [id] = await seedStories(server.desk.ctx, [{ headline, bodyText: "Body.", bodyHtml: "<p>Body.</p>", agency: "AP" }]);
  await walk(server, chief, id!, ["take", "submit", "approve", "publish"]);
  return id!;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("webhooks", () => {
  it("POSTs each publish as signed ninjs; a receiver failing twice then succeeding gets it exactly once", async () => {
    const server = await startTestServer({ env: ENV });
    cleanups.push(() => server.stop());
    const receiver = await startReceiver(2);
    cleanups.push(receiver.close);
    const dispatcher = startWebhookDispatcher(server.desk.ctx);
    cleanups.push(dispatcher.stop);
    const admin = (await server.signIn("admin")).cookie;
    const hook = await register(server, admin, receiver.url);
    const id = await publishOne(server, admin, "Hooked story");
    await until(() => receiver.received.length === 1);
    await new Promise((r) => setTimeout(r, 300)); // no duplicate arrives later
    expect(receiver.received).toHaveLength(1);
    expect(receiver.attempts()).toBe(3);
    const [got] = receiver.received;
    expect(got!.signature).toBe(`sha256=${createHmac("sha256", hook.secret).update(got!.body).digest("hex")}`);
    expect(got!.event).toBe("publish");
    const item = JSON.parse(got!.body) as { uri: string; headlines: { value: string }[]; infosources: { name: string }[] };
    expect(item.uri).toBe(`urn:wiredesk:story:${id}`);
    expect(item.headlines[0]!.value).toBe("Hooked story");
    expect(item.infosources[0]!.name).toBe("AP");
    const log = (await (await fetch(`${server.url}/api/webhooks/${hook.id}/deliveries`, { headers: { cookie: admin } })).json()) as { deliveries: { status: string; attempts: number }[] };
    expect(log.deliveries[0]).toMatchObject({ status: "delivered", attempts: 3 });
  });

  it("keeps undelivered events in SQLite across a restart and sends them once afterwards", async () => {
    const first = await startTestServer({ env: ENV });
    // The receiver fails every delivery until it recovers: they wait for a retry. It keeps its port
    // throughout (closed and listened on again, the port could meanwhile go to another test's socket).
    const receiver = await startReceiver(Number.POSITIVE_INFINITY);
    cleanups.push(receiver.close);
    const dispatcher = startWebhookDispatcher(first.desk.ctx);
    const admin = (await first.signIn("admin")).cookie;
    await register(first, admin, receiver.url);
    await publishOne(first, admin, "Across a restart");
    await until(async () => (await first.desk.ctx.store.webhooks.listDueDeliveries("9999", 10))[0]?.delivery.attempts === 1);
    await dispatcher.stop();
    await first.stop({ keepFiles: true });
    expect(receiver.received).toHaveLength(0);

    receiver.recover();
    const second = await startTestServer({ dir: first.dir, env: ENV });
    cleanups.push(() => second.stop());
    const again = startWebhookDispatcher(second.desk.ctx);
    cleanups.push(again.stop);
    await until(() => receiver.received.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(1);
    expect((JSON.parse(receiver.received[0]!.body) as { headlines: { value: string }[] }).headlines[0]!.value).toBe("Across a restart");
  });
});

describe("scheduled publishing", () => {
  it("publishes a scheduled story at its time, also when the server was restarted in between", async () => {
    const first = await startTestServer();
    const chief = (await first.signIn("chief")).cookie;
    const [id] = await seedStories(first.desk.ctx, [{ headline: "Scheduled story", bodyText: "Body.", bodyHtml: "<p>Body.</p>" }]);
    const at = new Date(Date.now() + 1500).toISOString();
    const scheduled = await walk(first, chief, id!, ["take", "submit", "approve", ["schedule", { at }]]);
    expect(scheduled.state).toBe("scheduled");
    expect((await fetch(`${first.url}/api/v1/published/${id}`)).status).toBe(404);
    await first.stop({ keepFiles: true });
    await new Promise((r) => setTimeout(r, 1700)); // the time passes while the server is down

    const second = await startTestServer({ dir: first.dir });
    cleanups.push(() => second.stop());
    const scheduler = startScheduler(second.desk.ctx);
    cleanups.push(scheduler.stop);
    await until(async () => (await fetch(`${second.url}/api/v1/published/${id}`)).status === 200);
    const story = await second.desk.ctx.store.stories.getStory(id!);
    expect(story?.state).toBe("published");
  });
});
