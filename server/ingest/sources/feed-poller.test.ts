import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeedDto } from "../../contract/feeds";
import { nextEvent, recordStoryEvents } from "../../testing/socket-events";
import { startTestServer, type TestServer } from "../../testing/test-server";
import { nextPollDelaySeconds } from "./feed-backoff";
import { pollFeed, startFeedPoller } from "./feed-poller";

/** A local feed the test controls: body, validators, status and delay, with every request recorded. */
interface FakeFeed {
  url: string;
  status: number;
  body: string;
  etag: string | null;
  lastModified: string | null;
  delayMs: number;
  requests: IncomingHttpHeaders[];
}

let feedServer: Server;
let feed: FakeFeed;
let server: TestServer;
let admin: { cookie: string };

function rss(items: { guid: string; title: string }[]): string {
  const entries = items
    .map((i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title><description>Text of ${i.title}.</description><pubDate>Tue, 03 Jun 2025 09:39:21 GMT</pubDate></item>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title><link>http://example.org/</link><description>t</description><language>en</language>${entries}</channel></rss>`;
}

beforeAll(async () => {
  feed = { url: "", status: 200, body: "", etag: null, lastModified: null, delayMs: 0, requests: [] };
  feedServer = createServer((req, res) => {
    feed.requests.push(req.headers);
    const answer = () => {
      if (feed.status !== 200) return res.writeHead(feed.status).end("server trouble");
      // As HTTP says: If-None-Match, when sent, decides; If-Modified-Since only without it.
      const noneMatch = req.headers["if-none-match"];
      const isSame = noneMatch !== undefined ? noneMatch === feed.etag : feed.lastModified !== null && req.headers["if-modified-since"] === feed.lastModified;
      if (isSame) return res.writeHead(304).end();
      const headers: Record<string, string> = { "content-type": "application/rss+xml" };
      if (feed.etag) headers.etag = feed.etag;
      if (feed.lastModified) headers["last-modified"] = feed.lastModified;
      res.writeHead(200, headers).end(feed.body);
    };
    if (feed.delayMs > 0) setTimeout(answer, feed.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  const address = feedServer.address();
  feed.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/feed.xml`;
  // The fake feed listens on loopback, which only WIREDESK_ALLOW_PRIVATE_URLS=1 lets the poller reach.
  server = await startTestServer({ env: { WIREDESK_MAX_DELIVERY_BYTES: "65536", WIREDESK_ALLOW_PRIVATE_URLS: "1" } });
  admin = await server.signIn("admin");
});
afterAll(async () => {
  await server.stop();
  feedServer.closeAllConnections();
  await new Promise((resolve) => feedServer.close(resolve));
});

async function api<T>(method: string, path: string, body?: unknown, cookie = admin.cookie): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (response.status === 204 ? undefined : await response.json()) as T };
}

async function addFeed(name: string, enabled = false): Promise<FeedDto> {
  // Created disabled unless asked, so only "poll now" (not a scheduler) polls it.
  const created = await api<FeedDto>("POST", "/api/feeds", { name, url: feed.url, intervalSeconds: 15, enabled });
  expect(created.status).toBe(201);
  return created.body;
}

const pollNow = (id: string) => api<FeedDto>("POST", `/api/feeds/${id}/poll`);

function count(sql: string): number {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function delaySeconds(f: FeedDto): number {
  return (Date.parse(f.nextPollAt) - Date.parse(f.lastPolledAt!)) / 1000;
}

describe("feed admin routes", () => {
  it("validates, creates, lists, changes and removes feeds (admins only)", async () => {
    for (const bad of [
      { name: "ftp", url: "ftp://example.org/feed", intervalSeconds: 60 },
      { name: "js", url: "javascript:alert(1)", intervalSeconds: 60 },
      { name: "too often", url: "https://example.org/feed", intervalSeconds: 5 },
      { name: "", url: "https://example.org/feed", intervalSeconds: 60 },
    ]) {
      const answer = await api<{ error: { code: string } }>("POST", "/api/feeds", bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
    }
    const created = await api<FeedDto>("POST", "/api/feeds", { name: "Example", url: "https://example.org/feed.xml", intervalSeconds: 60, enabled: false });
    expect(created.body).toMatchObject({ name: "Example", url: "https://example.org/feed.xml", intervalSeconds: 60, enabled: false, failures: 0, lastStatus: null });
    const id = created.body.id;
    expect((await api<{ feeds: FeedDto[] }>("GET", "/api/feeds")).body.feeds.map((f) => f.id)).toContain(id);
    const patched = await api<FeedDto>("PATCH", `/api/feeds/${id}`, { intervalSeconds: 120, name: "Renamed" });
    expect(patched.body).toMatchObject({ intervalSeconds: 120, name: "Renamed" });
    expect((await api("PATCH", `/api/feeds/${id}`, { intervalSeconds: 3 })).status).toBe(400);
    expect((await api("DELETE", `/api/feeds/${id}`)).status).toBe(204);
    expect((await api<{ feeds: FeedDto[] }>("GET", "/api/feeds")).body.feeds.map((f) => f.id)).not.toContain(id);
    expect((await api("DELETE", `/api/feeds/${id}`)).status).toBe(404);
    expect((await pollNow(id)).status).toBe(404);

    const editor = await server.signIn("editor");
    expect((await api("GET", "/api/feeds", undefined, editor.cookie)).status).toBe(403);
    expect((await api("POST", "/api/feeds", { name: "x", url: feed.url, intervalSeconds: 60 }, editor.cookie)).status).toBe(403);
  });
});

describe("polling a feed", () => {
  it("ingests the body, then asks conditionally: a 304 brings nothing, a changed feed brings the new item", async () => {
    const { cookie } = await server.signIn("viewer");
    const socket = server.connect(cookie);
    await nextEvent(socket, "sync:completed");
    const events = recordStoryEvents(socket);
    Object.assign(feed, { status: 200, etag: '"v1"', lastModified: "Tue, 03 Jun 2025 09:39:21 GMT", body: rss([{ guid: "feed-item-1", title: "First feed item" }]) });
    const f = await addFeed("Conditional");

    const first = await pollNow(f.id);
    expect(first.body).toMatchObject({ lastStatus: "200", failures: 0, etag: '"v1"', lastError: null, lastNewStories: 1, lastUpdatedStories: 0 });
    expect(delaySeconds(first.body)).toBe(15);
    const [event] = await events.waitFor(1);
    expect(event!.story).toMatchObject({ guid: "feed-item-1", headline: "First feed item" });
    const deliveries = count("select count(*) as n from deliveries where channel = 'feed'");

    feed.requests.length = 0;
    const second = await pollNow(f.id);
    expect(feed.requests[0]).toMatchObject({ "if-none-match": '"v1"', "if-modified-since": "Tue, 03 Jun 2025 09:39:21 GMT" });
    expect(second.body).toMatchObject({ lastStatus: "304", failures: 0, lastNewStories: 0, lastUpdatedStories: 0 });
    expect(count("select count(*) as n from deliveries where channel = 'feed'")).toBe(deliveries);

    Object.assign(feed, { etag: '"v2"', lastModified: "Tue, 03 Jun 2025 10:00:00 GMT", body: rss([{ guid: "feed-item-2", title: "Second feed item" }, { guid: "feed-item-1", title: "First feed item" }]) });
    const third = await pollNow(f.id);
    // The first item again, unchanged: the poll brought one new story and nothing updated.
    expect(third.body).toMatchObject({ lastStatus: "200", etag: '"v2"', lastNewStories: 1, lastUpdatedStories: 0 });
    const [, second_] = await events.waitFor(2);
    expect(second_!.story).toMatchObject({ guid: "feed-item-2", headline: "Second feed item" });
    expect(count("select count(*) as n from stories where guid like 'feed-item-%'")).toBe(2);

    // A new URL is a new source: what the old one last brought is forgotten with its validators.
    const moved = await api<FeedDto>("PATCH", `/api/feeds/${f.id}`, { url: `${feed.url}?moved=1` });
    expect(moved.body).toMatchObject({ etag: null, lastStatus: null, lastNewStories: null, lastUpdatedStories: null });
  });

  it("backs off exponentially after server errors and recovers", async () => {
    Object.assign(feed, { status: 500, etag: null, lastModified: null });
    const f = await addFeed("Flaky");
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const polled = (await pollNow(f.id)).body;
      expect(polled).toMatchObject({ lastStatus: "500", failures: i + 1, lastError: expect.stringContaining("500") as unknown, lastNewStories: null, lastUpdatedStories: null });
      delays.push(delaySeconds(polled));
    }
    expect(delays).toEqual([30, 60, 120]);
    Object.assign(feed, { status: 200, body: rss([{ guid: "feed-item-flaky", title: "Back again" }]) });
    const recovered = (await pollNow(f.id)).body;
    expect(recovered).toMatchObject({ lastStatus: "200", failures: 0, lastError: null, lastNewStories: 1, lastUpdatedStories: 0 });
    expect(delaySeconds(recovered)).toBe(15);
  });

  it("caps the back-off at 30 minutes", () => {
    expect(nextPollDelaySeconds(15, 10)).toBe(1800);
    expect(nextPollDelaySeconds(3600, 2)).toBe(3600);
    expect(nextPollDelaySeconds(60, 0)).toBe(60);
  });

  it("gives up on a slow server after the time budget and refuses a body over the size limit", async () => {
    Object.assign(feed, { status: 200, etag: null, lastModified: null, delayMs: 1000, body: rss([{ guid: "slow", title: "Slow" }]) });
    const f = await addFeed("Slow");
    const slow = await pollFeed(server.desk.ctx, f.id, { timeoutMs: 200 });
    expect(slow).toMatchObject({ lastStatus: "timeout", failures: 1 });
    feed.delayMs = 0;
    feed.body = rss(Array.from({ length: 800 }, (_, i) => ({ guid: `big-${i}`, title: `Item number ${i} of a very large feed` })));
    const big = await pollFeed(server.desk.ctx, f.id);
    expect(big).toMatchObject({ lastStatus: "too_large", failures: 2 });
    expect(big?.lastError).toContain("65536");
    expect(count("select count(*) as n from stories where guid like 'big-%'")).toBe(0);
  });

  it("quarantines a body no parser understands and backs off", async () => {
    Object.assign(feed, { status: 200, etag: '"junk"', delayMs: 0, body: "\u0000\u0001\u0002 binary junk, not a feed" });
    const f = await addFeed("Junk");
    const polled = (await pollNow(f.id)).body;
    expect(polled).toMatchObject({ lastStatus: "unparseable", failures: 1, etag: null });
    const quarantined = await server.desk.ctx.store.stories.listFailedDeliveries(5);
    expect(quarantined[0]).toMatchObject({ channel: "feed", sourceName: "Junk" });
  });

  it("the scheduler polls enabled feeds when due and leaves disabled ones alone", async () => {
    Object.assign(feed, { status: 200, etag: null, lastModified: null, delayMs: 0, body: rss([{ guid: "scheduled-item", title: "Polled by the scheduler" }]) });
    const enabled = await addFeed("Scheduled", true);
    const disabled = await addFeed("Disabled", false);
    const poller = startFeedPoller(server.desk.ctx, { tickMs: 50 });
    try {
      const deadline = Date.now() + 5000;
      while ((await server.desk.ctx.store.feeds.getFeed(enabled.id))?.lastStatus !== "200" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await poller.stop();
    }
    expect(count("select count(*) as n from stories where guid = 'scheduled-item'")).toBe(1);
    expect((await server.desk.ctx.store.feeds.getFeed(disabled.id))?.lastPolledAt).toBeNull();
  });
});

describe("what a feed body becomes", () => {
  it("quarantines a web page and plain text from a feed whose format is detected; takes plain text from a feed set to plain", async () => {
    Object.assign(feed, { status: 200, etag: null, lastModified: null, delayMs: 0, body: "<!DOCTYPE html><html><body><p>Login to the router admin page</p></body></html>" });
    const page = await addFeed("Web page");
    expect((await pollNow(page.id)).body).toMatchObject({ lastStatus: "unparseable", failures: 1, lastError: expect.stringContaining("not a wire format") as unknown });
    feed.body = "SSH-2.0-OpenSSH_9.2\r\nProtocol mismatch.\n";
    const text = await addFeed("Text");
    expect((await pollNow(text.id)).body).toMatchObject({ lastStatus: "unparseable", failures: 1 });
    expect(count("select count(*) as n from stories where headline like '%router%' or headline like '%OpenSSH%'")).toBe(0);

    feed.body = "Storm closes ports on the east coast\n\nHeavy winds shut three ports on Tuesday.\n";
    const created = await api<FeedDto>("POST", "/api/feeds", { name: "Plain wire", url: feed.url, intervalSeconds: 60, enabled: false, format: "plain" });
    expect(created.body.format).toBe("plain");
    expect((await pollNow(created.body.id)).body).toMatchObject({ lastStatus: "200", lastNewStories: 1 });
  });
});
