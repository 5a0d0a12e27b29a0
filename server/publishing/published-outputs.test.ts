import { readFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { default as addFormats } from "ajv-formats";
import { eq } from "drizzle-orm";
import { validateXML } from "xmllint-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openProcessDbForTests } from "../testing/db-access";
import { stories } from "@/db/schema";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";

const SCHEMAS = path.join(process.cwd(), "fixtures/wire-samples/schemas");
const ninjsSchema = JSON.parse(readFileSync(path.join(SCHEMAS, "ninjs/ninjs-schema_2.1.json"), "utf8")) as object;
const geoJson = JSON.parse(readFileSync(path.join(SCHEMAS, "ninjs/GeoJSON.json"), "utf8")) as object;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(geoJson, "https://geojson.org/schema/GeoJSON.json");
const validateNinjs = ajv.compile(ninjsSchema);

let server: TestServer;
let editor: string;
let chief: string;

beforeAll(async () => {
  server = await startTestServer();
  editor = (await server.signIn("editor")).cookie;
  chief = (await server.signIn("chief")).cookie;
});
afterAll(async () => server.stop());

async function publishStory(overrides: Parameters<typeof seedStories>[1][number] = {}): Promise<string> {
  const [id] = await seedStories(server.desk.ctx, [
    { headline: "Storm closes Baltic ports", bodyText: "Ferries stayed in port.\nMore wind is due.", bodyHtml: "<p>Ferries stayed in port.</p><p>More wind is due.</p>", agency: "dpa", byline: "Anna Example", abstract: "Ports shut as a storm passes.", categories: ["weather"], ...overrides },
  ]);
  await walk(server, editor, id!, ["take", "submit"]);
  await walk(server, chief, id!, ["approve", "publish"]);
  return id!;
}

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

type Page = { items: { uri: string; headlines: { value: string }[]; bodies?: { value: string }[]; infosources?: { name: string }[]; descriptions?: { role: string; value: string }[] }[]; nextCursor: string | null };

describe("published outputs", () => {
  it("lists published stories as ninjs items valid against the official 2.1 schema, newest first, paged by cursor", async () => {
    const first = await publishStory({ headline: "First published" });
    const second = await publishStory({ headline: "Second published" });
    const page = await getJson<Page>(`${server.url}/api/v1/published?limit=1`);
    expect(page.status).toBe(200);
    expect(page.body.items[0]!.uri).toBe(`urn:wiredesk:story:${second}`);
    const next = await getJson<Page>(`${server.url}/api/v1/published?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items[0]!.uri).toBe(`urn:wiredesk:story:${first}`);
    const all = await getJson<Page>(`${server.url}/api/v1/published?limit=100`);
    for (const item of all.body.items) expect(validateNinjs(item), JSON.stringify(validateNinjs.errors)).toBe(true);
    const one = await getJson<object>(`${server.url}/api/v1/published/${first}`);
    expect(validateNinjs(one.body), JSON.stringify(validateNinjs.errors)).toBe(true);
    expect((one.body as Page["items"][number]).infosources).toEqual([{ name: "dpa", role: "originating agency" }]);
  });

  it("answers 304 to If-None-Match with the current ETag, and a new ETag after a publish", async () => {
    await publishStory();
    const page = await getJson<Page>(`${server.url}/api/v1/published`);
    const etag = page.headers.get("etag")!;
    expect((await fetch(`${server.url}/api/v1/published`, { headers: { "if-none-match": etag } })).status).toBe(304);
    await publishStory();
    const after = await fetch(`${server.url}/api/v1/published`, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("serves RSS 2.0 and Atom 1.0 feeds that a real feed parser reads, crediting the agency", async () => {
    const id = await publishStory({ headline: "Feeds carry this one" });
    for (const [file, type] of [["feed.rss", "application/rss+xml"], ["feed.atom", "application/atom+xml"]] as const) {
      const response = await fetch(`${server.url}/${file}`);
      expect(response.headers.get("content-type")).toContain(type);
      const feed = parseFeed(await response.text());
      const item = feed.items.find((i) => i.title === "Feeds carry this one");
      expect(item?.url).toMatch(new RegExp(`/news/feeds-carry-this-one-${id}$`));
      expect(item?.description ?? item?.content).toContain("dpa");
    }
  });

  it("renders a NewsML-G2 newsItem that validates against the official 2.35 XSD", async () => {
    const id = await publishStory({ headline: "G2 & <valid>", dateline: { text: "HAMBURG, June 1 (dpa) -", place: "Hamburg", date: null, source: "dpa" } });
    const response = await fetch(`${server.url}/api/v1/published/${id}/newsml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    const validate = (contents: string) =>
      validateXML({
        xml: [{ fileName: "story.xml", contents }],
        schema: [{ fileName: "NewsML-G2_2.35-spec-All-Power.xsd", contents: readFileSync(path.join(SCHEMAS, "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd")) }],
        preload: [{ fileName: "xml.xsd", contents: readFileSync(path.join(SCHEMAS, "newsml-g2/xml.xsd")) }],
      });
    const result = await validate(xml);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does reject a newsItem without its required itemMeta.
    expect((await validate(xml.replace(/<itemMeta>[\s\S]*<\/itemMeta>/, ""))).valid).toBe(false);
    expect(xml).toContain("<headline>G2 &amp; &lt;valid&gt;</headline>");
  });

  it("carries the desk copy as of the last publish or correct, never later edits until a correction", async () => {
    const id = await publishStory({ headline: "Agency original headline" });
    // Co-editing writes the desk copy back to the stories row; a later, unpublished edit must not leak out.
    const db = openProcessDbForTests(server);
    db.update(stories).set({ headline: "Half-typed edit", bodyText: "Draft", bodyHtml: "<p>Draft</p>" }).where(eq(stories.id, id)).run();
    const before = await getJson<Page["items"][number]>(`${server.url}/api/v1/published/${id}`);
    expect(before.body.headlines[0]!.value).toBe("Agency original headline");
    db.update(stories).set({ headline: "Desk headline after edit", bodyText: "Edited body.", bodyHtml: "<p>Edited body.</p>" }).where(eq(stories.id, id)).run();
    await walk(server, chief, id, [["correct", { note: "Headline clarified." }]]);
    const after = await getJson<Page["items"][number]>(`${server.url}/api/v1/published/${id}`);
    expect(after.body.headlines[0]!.value).toBe("Desk headline after edit");
    expect(after.body.bodies![0]!.value).toBe("<p>Edited body.</p>");
    expect(after.body.descriptions?.find((d) => d.role === "correction")?.value).toContain("Headline clarified.");
    const feed = parseFeed(await (await fetch(`${server.url}/feed.rss`)).text());
    expect(feed.items.some((i) => i.title === "Desk headline after edit")).toBe(true);
    expect(feed.items.some((i) => i.title === "Half-typed edit")).toBe(false);
  });

  it("a kill leaves every output: 410 for the item and its NewsML, gone from the list and both feeds", async () => {
    const id = await publishStory({ headline: "Soon withdrawn" });
    await walk(server, chief, id, [["kill", { reason: "Legal advice." }]]);
    expect((await fetch(`${server.url}/api/v1/published/${id}`)).status).toBe(410);
    expect((await fetch(`${server.url}/api/v1/published/${id}/newsml`)).status).toBe(410);
    const list = await getJson<Page>(`${server.url}/api/v1/published?limit=100`);
    expect(list.body.items.some((i) => i.uri.endsWith(id))).toBe(false);
    for (const file of ["feed.rss", "feed.atom"]) {
      const feed = parseFeed(await (await fetch(`${server.url}/${file}`)).text());
      expect(feed.items.some((i) => i.title === "Soon withdrawn")).toBe(false);
    }
  });

  it("refuses a bad cursor or limit with 400 and a reason", async () => {
    const bad = await getJson<{ error: { message: string } }>(`${server.url}/api/v1/published?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/published?limit=0`)).status).toBe(400);
  });
});

describe("per-address limit on the public outputs", () => {
  it("answers 429 past WIREDESK_PUBLIC_RATE_LIMIT per second while the desk keeps answering", async () => {
    const limited = await startTestServer({ env: { WIREDESK_PUBLIC_RATE_LIMIT: "50" } });
    try {
      const editorCookie = (await limited.signIn("editor")).cookie;
      // One burst, far past the limit, mixing a feed and the API: the limit is per address, not per route.
      const answers = await Promise.all(
        Array.from({ length: 150 }, (_, i) => fetch(`${limited.url}${i % 2 ? "/feed.rss" : "/api/v1/published"}`).then(async (r) => ({ status: r.status, api: i % 2 === 0, retryAfter: r.headers.get("retry-after"), body: await r.text() }))),
      );
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
      // The limit counts per second, so a refused reader is told to come back in one, not a minute.
      expect(new Set(refused.map((a) => a.retryAfter))).toEqual(new Set(["1"]));
      const refusedApi = refused.find((a) => a.api);
      if (refusedApi) expect((JSON.parse(refusedApi.body) as { error: { code: string } }).error.code).toBe("rate_limited");
      // The desk's own routes are not counted against the readers' limit.
      expect((await fetch(`${limited.url}/api/stories`, { headers: { cookie: editorCookie } })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it("paces every reader together to WIREDESK_PUBLIC_NODE_RATE: a burst waits its turn, past a second's worth it gets 503 with Retry-After", async () => {
    // Many addresses (a proxy tells them) so the per-address limit stays out of the way.
    const paced = await startTestServer({ env: { WIREDESK_PUBLIC_NODE_RATE: "50", WIREDESK_PUBLIC_RATE_LIMIT: "1000", WIREDESK_TRUST_PROXY: "1" } });
    try {
      const editorCookie = (await paced.signIn("editor")).cookie;
      const started = performance.now();
      const burst = Promise.all(
        Array.from({ length: 120 }, (_, i) => fetch(`${paced.url}/feed.atom`, { headers: { "x-forwarded-for": `203.0.113.${i}` } }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get("retry-after"), body: await r.text(), at: performance.now() - started }))),
      );
      // While readers wait in line, the desk answers at once: its routes are not behind the readers.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await fetch(`${paced.url}/api/stories`, { headers: { cookie: editorCookie } })).status).toBe(200);
      const deskAt = performance.now() - started;
      const answers = await burst;
      const served = answers.filter((a) => a.status === 200);
      const busy = answers.filter((a) => a.status === 503);
      expect(served.length + busy.length).toBe(120);
      // One token, then a line of 50 (a second's worth): the rest are told to come back.
      expect(served.length).toBeGreaterThanOrEqual(50);
      expect(busy.length).toBeGreaterThan(0);
      expect(busy[0]!.retryAfter).toBe("1");
      expect((JSON.parse(busy[0]!.body) as { error: { code: string } }).error.code).toBe("unavailable");
      // Operations see it: counted by reason in /metrics.
      expect((await paced.desk.ctx.metrics.render()).text).toContain(`wiredesk_public_refused_total{reason="busy"} ${busy.length}`);
      // 50 a second: the last served waited most of a second in line, not refused; the desk did not wait.
      const lastServed = Math.max(...served.map((a) => a.at));
      expect(lastServed).toBeGreaterThan(800);
      expect(deskAt).toBeLessThan(lastServed);
    } finally {
      await paced.stop();
    }
  });
});
