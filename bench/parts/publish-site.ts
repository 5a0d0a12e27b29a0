import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { slugify, storyPath } from "../../server/contract/public-site";
import { REPO_ROOT } from "../children";
import { ClientPool } from "../client-pool";
import { documentFormat } from "../documents";
import { benchLog } from "../log";
import type { Profile } from "../profiles";
import { runReaders, type ReaderResult } from "../reader-load";
import { signInAdmin, startRealDesk } from "../real-desk";
import { makeFigure, type Figure } from "../report";
import { BENCH_INGEST_TOKEN, postDelivery } from "../servers";
import { summarize } from "../stats";
import { measureStream, type StreamResult } from "../stream";
import { createStoryFactory } from "../text";

type Site = NonNullable<Profile["publish"]["site"]>;

// Next serves `public/` files it found at start; the bench fills this one with a story page's HTML later.
const STATIC_FILE = path.join(REPO_ROOT, "public", "bench-static-page.html");
const STATIC_PATH = "/bench-static-page.html";

async function post(url: string, cookie: string, pathname: string, body: unknown): Promise<Response> {
  return fetch(`${url}${pathname}`, { method: "POST", headers: { cookie, origin: url, "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function ingestStory(url: string, n: number): Promise<{ id: string; headline: string }> {
  const headline = `Site bench story ${n} ${Date.now().toString(36)}`;
  const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of a story of ordinary length, as readers get it on the public site.</p>`).join("");
  const body = JSON.stringify({ uri: `urn:bench:site:${n}:${headline}`, version: "1", type: "text", pubstatus: "usable", urgency: 5, language: "en", headlines: [{ role: "main", value: headline }], bodies: [{ role: "main", contenttype: "text/html", value: paragraphs }], copyrightholder: "Bench Wire" });
  const response = await fetch(`${url}/api/ingest`, { method: "POST", headers: { authorization: `Bearer ${BENCH_INGEST_TOKEN}`, "content-type": "application/json" }, body });
  if (response.status !== 201) throw new Error(`ingest answered ${response.status}`);
  const { stories } = (await response.json()) as { stories: { id: string }[] };
  return { id: stories[0]!.id, headline };
}

/** Walks a story to approved, then times the publish and waits for it on all six outputs. */
async function publishAndReach(url: string, cookie: string, n: number): Promise<{ reachMs: number; path: string }> {
  const { id, headline } = await ingestStory(url, n);
  for (const action of ["take", "submit", "approve"]) {
    const response = await post(url, cookie, `/api/stories/${id}/actions/${action}`, {});
    if (response.status !== 200) throw new Error(`${action} answered ${response.status}`);
  }
  const page = storyPath(slugify(headline), id);
  const published = await post(url, cookie, `/api/stories/${id}/actions/publish`, {});
  if (published.status !== 200) throw new Error(`publish answered ${published.status}`);
  const start = performance.now();
  const texts = () => Promise.all(["/news", page, "/feed.rss", "/feed.atom", "/api/v1/published"].map((p) => fetch(`${url}${p}`).then((r) => (r.status === 200 ? r.text() : ""))));
  const itemOk = () => fetch(`${url}/api/v1/published/${id}`).then((r) => (void r.arrayBuffer(), r.status === 200));
  for (;;) {
    const [[front, story, rss, atom, api], item] = await Promise.all([texts(), itemOk()]);
    if (item && front!.includes(headline) && story!.includes(headline) && rss!.includes(headline) && atom!.includes(headline) && api!.includes(id)) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return { reachMs: performance.now() - start, path: page };
}

/** Streams stories into the desk at the profile's rate and measures ingest → every editor's socket. */
async function deskStream(url: string, pool: ClientPool, editors: number, site: Site, from: number): Promise<StreamResult> {
  const make = createStoryFactory(from);
  const nitf = documentFormat("nitf");
  return measureStream({
    pool,
    clients: editors,
    rate: site.rate,
    seconds: site.seconds,
    warmupSeconds: site.warmupSeconds,
    settleMs: 1000,
    send: async (i, t0, p) => {
      for (const guid of await postDelivery(url, nitf.write([make(`urn:bench:site-stream:${from}:${i}`)]))) p.sendT0(guid, t0);
    },
  });
}

/** Readers on one URL while the desk ingests; both measured over the same seconds. */
async function readersDuringStream(url: string, target: string, pool: ClientPool, site: Site, from: number): Promise<{ readers: ReaderResult; desk: StreamResult }> {
  const [desk, readers] = await Promise.all([deskStream(url, pool, site.editors, site, from), sleep(site.warmupSeconds * 1000).then(() => runReaders(`${url}${target}`, site.readers, site.seconds))]);
  return { readers, desk };
}

/**
 * The public site on the real desk (Next, production build): publish → every output including the two
 * pages; the front page and a story page under `readers` concurrent readers against Next serving a static
 * copy of that story page (same bytes) from `public/`, in the same process and run, while the desk ingests
 * `rate` stories/s; and the desk's fan-out to `editors` sockets with and without that reader load.
 */
export async function runPublishSite(publishes: number, site: Site): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  mkdirSync(path.dirname(STATIC_FILE), { recursive: true });
  writeFileSync(STATIC_FILE, "<!doctype html><title>placeholder</title>");
  const desk = await startRealDesk({ WIREDESK_PUBLIC_RATE_LIMIT: "100000000" });
  let pool: ClientPool | null = null;
  try {
    const cookie = await signInAdmin(desk.url);
    const reach: number[] = [];
    let page = "";
    for (let n = 0; n < publishes; n += 1) {
      const outcome = await publishAndReach(desk.url, cookie, n);
      reach.push(outcome.reachMs);
      page = outcome.path;
    }
    const storyHtml = await (await fetch(`${desk.url}${page}`)).text();
    writeFileSync(STATIC_FILE, storyHtml);
    pool = await ClientPool.start(site.editors);
    await pool.connect(desk.url, Array.from({ length: site.editors }, () => cookie), { concurrency: 10 });
    benchLog("site: desk fan-out without readers…");
    const quiet = await deskStream(desk.url, pool, site.editors, site, 1);
    benchLog("site: readers on the front page, the story page and the static copy…");
    const front = await readersDuringStream(desk.url, "/news", pool, site, 2);
    const story = await readersDuringStream(desk.url, page, pool, site, 3);
    const statik = await readersDuringStream(desk.url, STATIC_PATH, pool, site, 4);
    const underReaders = Math.max(front.desk.latency.p95, story.desk.latency.p95);
    const reachSummary = summarize(reach);
    const label = `${site.readers} readers, desk ingesting ${site.rate} stories/s`;
    const staticName = "Next serving a static copy of the story page (same bytes) from the same process";
    return {
      figures: [
        makeFigure({ name: "publish → every output incl. both pages, p50", value: reachSummary.p50, unit: "ms" }),
        makeFigure({ name: "publish → every output incl. both pages, p95", value: reachSummary.p95, unit: "ms", target: { maxValue: 1000 } }),
        makeFigure({ name: `front page requests/s (${label})`, value: front.readers.requestsPerSecond, unit: "req/s", baseline: statik.readers.requestsPerSecond, baselineName: staticName, target: { minRatio: 0.8 } }),
        makeFigure({ name: `front page p95 (${label})`, value: front.readers.latency.p95, unit: "ms", baseline: statik.readers.latency.p95, baselineName: staticName }),
        makeFigure({ name: `story page requests/s (${label})`, value: story.readers.requestsPerSecond, unit: "req/s", baseline: statik.readers.requestsPerSecond, baselineName: staticName, target: { minRatio: 0.8 } }),
        makeFigure({ name: `story page p95 (${label})`, value: story.readers.latency.p95, unit: "ms", baseline: statik.readers.latency.p95, baselineName: staticName }),
        makeFigure({ name: `desk fan-out p95 to ${site.editors} editors under page readers (${site.rate} stories/s)`, value: underReaders, unit: "ms", baseline: quiet.latency.p95, baselineName: "the same stream without readers", target: { maxRatio: 1.2 } }),
      ],
      details: { publishes, reach: reachSummary, storyPage: page, quiet, front, story, static: statik },
    };
  } finally {
    await pool?.stop();
    await desk.stop();
    rmSync(STATIC_FILE, { force: true });
    if (readdirSync(path.dirname(STATIC_FILE)).length === 0) rmSync(path.dirname(STATIC_FILE), { recursive: true });
  }
}
