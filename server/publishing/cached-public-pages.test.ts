import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageHandler } from "../app";
import type { AppContext } from "../app-context";
import { slugify, storyIdFromSegment, storyPath } from "../contract/public-site";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";
import { createPublicSiteReader } from "./published-service";

/**
 * The public pages as the server renders them, without a Next build: the same reader and the same
 * answer shape (200 HTML, 404 for an unknown story). It takes 100 ms between reading and answering, as a
 * real render may on a busy machine, so changes land while renders are under way.
 */
function publicPages(counter: { renders: number }): (ctx: AppContext) => PageHandler {
  return (ctx) => async (req, res) => {
    counter.renders += 1;
    const reader = createPublicSiteReader(ctx);
    const pathname = (req.url ?? "/").split("?", 1)[0]!;
    let html: string | null = null;
    if (pathname === "/news") html = `<h1>Latest news</h1><ol>${(await reader.frontPage(50)).map((s) => `<li><a href="${s.path}">${s.headline}</a>${s.corrections.length ? " · corrected" : ""}</li>`).join("")}</ol>`;
    else if (pathname.startsWith("/news/")) {
      const story = await reader.story(storyIdFromSegment(pathname.slice("/news/".length)));
      if (story) html = `<article><h1>${story.headline}</h1>${story.bodyHtml}${story.corrections.map((c) => `<p>Correction: ${c.note}</p>`).join("")}</article>`;
    }
    await sleep(100);
    res.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=0, must-revalidate" });
    res.end(`<!DOCTYPE html><html><body>${html ?? "<h1>404</h1>"}</body></html>`);
  };
}

const counter = { renders: 0 };
let server: TestServer;
let editor: string;
let chief: string;

beforeAll(async () => {
  server = await startTestServer({ pages: publicPages(counter), env: { WIREDESK_PAGE_CACHE_ENTRIES: "4", WIREDESK_PUBLIC_RATE_LIMIT: "100000" } });
  editor = (await server.signIn("editor")).cookie;
  chief = (await server.signIn("chief")).cookie;
});
afterAll(async () => server.stop());

async function publish(headline: string): Promise<{ id: string; path: string }> {
  const [id] = await seedStories(server.desk.ctx, [{ headline, bodyText: "Ferries stayed in port.", bodyHtml: "<p>Ferries stayed in port.</p>", agency: "dpa" }]);
  await walk(server, editor, id!, ["take", "submit"]);
  await walk(server, chief, id!, ["approve", "publish"]);
  return { id: id!, path: storyPath(slugify(headline), id!) };
}

async function page(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

describe("the public pages served from memory", () => {
  it("renders each page once, then answers from memory with the public CSP, an ETag and 304 on If-None-Match", async () => {
    const { path } = await publish("Harbour reopens after storm");
    const first = await page(path);
    const rendersAfterFirst = counter.renders;
    const second = await page(path);
    expect(counter.renders).toBe(rendersAfterFirst);
    expect(second.body).toBe(first.body);
    expect(second.body).toContain("Harbour reopens after storm");
    expect(second.headers.get("content-security-policy")).toContain("script-src 'none'");
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(second.headers.get("last-modified")).toBeTruthy();
    const etag = second.headers.get("etag")!;
    const revalidated = await page(path, { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("content-security-policy")).toContain("script-src 'none'");
    // Without compression: the same page, its own validator, and 304 to either one.
    const plain = await fetch(`${server.url}${path}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(first.body);
    expect((await page(path, { "accept-encoding": "identity", "if-none-match": etag })).status).toBe(304);
    const zipped = await fetch(`${server.url}${path}`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("etag")).not.toBe(plain.headers.get("etag"));
    expect(await zipped.text()).toBe(first.body); // fetch unzips
  });

  it("shows a publish, a correction and a kill on the very next request", async () => {
    const { id, path } = await publish("Bridge to open in spring");
    expect((await page("/news")).body).toContain("Bridge to open in spring");
    const before = await page(path);
    await walk(server, chief, id, [["correct", { note: "The opening date was wrong." }]]);
    const corrected = await page(path, { "if-none-match": before.headers.get("etag")! });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toContain("Correction: The opening date was wrong.");
    expect((await page("/news")).body).toMatch(/Bridge to open in spring<\/a> · corrected/);
    await walk(server, chief, id, [["kill", { reason: "Legal advice." }]]);
    expect((await page(path)).status).toBe(410);
    expect((await page("/news")).body).not.toContain("Bridge to open in spring");
  });

  it("counts hits and misses and the bytes it holds, for /metrics", async () => {
    const figure = async (pattern: RegExp) => Number(pattern.exec((await server.desk.ctx.metrics.render()).text)?.[1] ?? NaN);
    const hits = () => figure(/^wiredesk_public_page_cache_total\{result="hit"\} (\d+)$/m);
    const misses = () => figure(/^wiredesk_public_page_cache_total\{result="miss"\} (\d+)$/m);
    const { path } = await publish("Lighthouse keeper retires");
    const [hitsBefore, missesBefore] = [(await hits()) || 0, (await misses()) || 0];
    await page(path);
    await page(path);
    await page(path);
    expect(await misses()).toBe(missesBefore + 1);
    expect(await hits()).toBe(hitsBefore + 2);
    expect(await figure(/^wiredesk_page_cache_bytes (\d+)$/m)).toBeGreaterThan(0);
  });

  it("keeps at most the configured number of pages, the least recently read going first", async () => {
    const stories = await Promise.all(["One", "Two", "Three", "Four", "Five", "Six"].map((word) => publish(`Bounded ${word}`)));
    for (const story of stories) expect((await page(story.path)).body).toContain("Bounded");
    expect(server.desk.publicPages.cache.size().entries).toBe(4);
    const renders = counter.renders;
    await page(stories[5]!.path); // the newest is still held
    expect(counter.renders).toBe(renders);
    await page(stories[0]!.path); // the oldest was dropped: rendered again
    expect(counter.renders).toBe(renders + 1);
    expect(server.desk.publicPages.cache.size().entries).toBe(4);
  });

  it("20 readers during a correction each get a whole page from before or after it, and nobody a stale one after it", async () => {
    const { id, path } = await publish("Council votes on budget");
    await publish("Unrelated story"); // neither page is held now: the readers below start renders
    const reads = Array.from({ length: 20 }, (_, i) => page(i % 2 ? "/news" : path).then((r) => ({ i, body: r.body })));
    await sleep(20); // the renders have read the data and are still answering when the correction commits
    await walk(server, chief, id, [["correct", { note: "The vote is on Friday." }]]);
    const fresh = { front: (await page("/news")).body, story: (await page(path)).body };
    expect(fresh.story).toContain("Correction: The vote is on Friday.");
    expect(fresh.front).toMatch(/Council votes on budget<\/a> · corrected/);
    for (const { i, body } of await Promise.all(reads)) {
      const kind = i % 2 ? "front" : "story";
      if (body !== fresh[kind]) expect(body).not.toMatch(/Correction|Council votes on budget<\/a> · corrected/); // the page before, whole
      expect(body).toContain("Council votes on budget");
    }
    // Requests after the correction never get a page rendered before it.
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => page(i % 2 ? "/news" : path)));
    for (const [i, r] of after.entries()) expect(r.body).toBe(fresh[i % 2 ? "front" : "story"]);
  });
});
