import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startWebhookDispatcher } from "../../server/publishing/webhook-dispatcher";
import { seedStories } from "../../server/testing/seed-stories";
import { startTestServer, type TestServer } from "../../server/testing/test-server";
import { walk } from "../../server/testing/workflow-helpers";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { runPublishSite } from "./publish-site";
import { summarize } from "../stats";

async function readyStory(server: TestServer, chief: string, n: number): Promise<string> {
  const [id] = await seedStories(server.desk.ctx, [{ headline: `Bench story ${n}`, bodyText: "Body.", bodyHtml: "<p>Body.</p>", agency: "AP" }]);
  await walk(server, chief, id!, ["take", "submit", "approve"]);
  return id!;
}

async function timedPublish(server: TestServer, chief: string, id: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${server.url}/api/stories/${id}/actions/publish`, { method: "POST", headers: { cookie: chief, origin: server.url, "content-type": "application/json" }, body: "{}" });
  if (response.status !== 200) throw new Error(`publish answered ${response.status}`);
  await response.arrayBuffer();
  return performance.now() - start;
}

async function onEveryOutput(server: TestServer, id: string, headline: string): Promise<boolean> {
  const [item, list, rss, atom] = await Promise.all([
    fetch(`${server.url}/api/v1/published/${id}`).then((r) => r.status),
    fetch(`${server.url}/api/v1/published`).then((r) => r.text()),
    fetch(`${server.url}/feed.rss`).then((r) => r.text()),
    fetch(`${server.url}/feed.atom`).then((r) => r.text()),
  ]);
  return item === 200 && list.includes(id) && rss.includes(headline) && atom.includes(headline);
}

const RECEIVER_SCRIPT = `
const http = require("node:http");
const count = Number(process.argv[1]);
const ports = [];
let open = 0;
for (let i = 0; i < count; i += 1) {
  const s = http.createServer((req, res) => { req.resume(); req.on("end", () => setTimeout(() => res.writeHead(200).end("ok"), 50)); });
  s.listen(0, "127.0.0.1", () => { ports.push(s.address().port); if (++open === count) process.stdout.write(JSON.stringify(ports) + "\\n"); });
}
`;

/** `count` receivers that take 50 ms each, in their own process (as they would be elsewhere), plus one dead address. */
async function receivers(count: number): Promise<{ urls: string[]; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ["-e", RECEIVER_SCRIPT, String(count)], { stdio: ["ignore", "pipe", "inherit"] });
  const ports = await new Promise<number[]>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve(JSON.parse(text) as number[]);
    });
    child.once("exit", (code) => reject(new Error(`receivers exited with ${code}`)));
  });
  // One dead receiver: a port that was listening a moment ago and no longer is.
  const dead = createServer();
  await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
  const deadPort = (dead.address() as AddressInfo).port;
  await new Promise<void>((resolve) => dead.close(() => resolve()));
  const urls = [...ports.map((port) => `http://127.0.0.1:${port}/hook`), `http://127.0.0.1:${deadPort}/hook`];
  return {
    urls,
    close: async () => {
      child.kill();
      await new Promise((r) => child.once("exit", r));
    },
  };
}

async function setHooksEnabled(server: TestServer, ids: readonly string[], enabled: boolean): Promise<void> {
  for (const id of ids) await server.desk.ctx.store.webhooks.updateWebhook(id, { enabled });
}

/**
 * The desk's publish round trip with 20 webhook receivers (one dead) against the same without webhooks,
 * in alternating blocks of 5 on the same server (so database growth and warm-up hit both sides alike).
 */
async function webhookFanout(server: TestServer, chief: string, publishes: number, first: number): Promise<{ plain: number[]; withHooks: number[] }> {
  const hooks = await receivers(19);
  const dispatcher = startWebhookDispatcher(server.desk.ctx);
  const plain: number[] = [];
  const withHooks: number[] = [];
  try {
    const admin = (await server.signIn("admin")).cookie;
    const ids: string[] = [];
    for (const url of hooks.urls) {
      const response = await fetch(`${server.url}/api/webhooks`, { method: "POST", headers: { cookie: admin, origin: server.url, "content-type": "application/json" }, body: JSON.stringify({ url }) });
      ids.push(((await response.json()) as { id: string }).id);
    }
    for (let n = 0; n < publishes * 2; n += 1) {
      const hooked = Math.floor(n / 5) % 2 === 0;
      if (n % 5 === 0) await setHooksEnabled(server, ids, hooked);
      const id = await readyStory(server, chief, first + n);
      (hooked ? withHooks : plain).push(await timedPublish(server, chief, id));
    }
  } finally {
    await dispatcher.stop();
    await hooks.close();
  }
  return { plain, withHooks };
}

/**
 * Part 7: publish-to-reader latency (from the publish action's 200 to the story on the published API,
 * the list and both feeds), and the desk's publish round trip with 20 local webhook receivers (one
 * dead) against the same without webhooks. In the full profile also the public site on the real desk
 * with Next (see publish-site.ts): both pages under readers against a static page, and the desk's
 * fan-out with and without readers.
 */
export async function runPublish(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown>; note: string }> {
  const publishes = profile.publish.publishes;
  const server = await startTestServer({ env: { WIREDESK_ALLOW_PRIVATE_URLS: "1", WIREDESK_PUBLIC_RATE_LIMIT: "100000" } });
  let figures: Figure[];
  let details: Record<string, unknown>;
  try {
    const chief = (await server.signIn("chief")).cookie;
    const latencies: number[] = [];
    for (let n = 0; n < publishes; n += 1) {
      const id = await readyStory(server, chief, n);
      await timedPublish(server, chief, id);
      const start = performance.now();
      while (!(await onEveryOutput(server, id, `Bench story ${n}`))) await new Promise((r) => setTimeout(r, 5));
      latencies.push(performance.now() - start);
    }
    const { plain, withHooks } = await webhookFanout(server, chief, publishes, publishes);
    const reach = summarize(latencies);
    const desk = summarize(plain);
    const deskHooks = summarize(withHooks);
    figures = [
      makeFigure({ name: "publish → API, list and both feeds (in process), p50", value: reach.p50, unit: "ms" }),
      makeFigure({ name: "publish → API, list and both feeds (in process), p95", value: reach.p95, unit: "ms", target: { maxValue: 1000 } }),
      makeFigure({ name: "publish round trip with 20 webhooks (1 dead), p95", value: deskHooks.p95, unit: "ms", baseline: desk.p95, baselineName: "the same without webhooks (alternating blocks)", target: { maxRatio: 1.2 } }),
      makeFigure({ name: "publish round trip with 20 webhooks (1 dead), p50", value: deskHooks.p50, unit: "ms", baseline: desk.p50, baselineName: "the same without webhooks (alternating blocks)" }),
    ];
    details = { publishes, reach, desk, deskHooks };
  } finally {
    await server.stop();
  }
  if (!profile.publish.site) return { figures, details, note: "Smoke form: the public site under readers (it needs a Next build) is not run." };
  const site = await runPublishSite(publishes, profile.publish.site);
  return { figures: [...figures, ...site.figures], details: { ...details, site: site.details }, note: "Webhook figures in process without Next; the site figures on the real desk (Next production build), the readers and the editors' sockets in their own processes." };
}
