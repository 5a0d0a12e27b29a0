import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryPage } from "../contract/story";
import { callApi, ingestQueueStories } from "../testing/queue-fixtures";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = (await server.signIn("viewer")).cookie;
});
afterAll(async () => server.stop());

async function page(query: string): Promise<StoryPage> {
  const { status, body } = await callApi<StoryPage>(server, cookie, "GET", `/api/stories?${query}`);
  expect(status).toBe(200);
  return body;
}

async function allPages(query: string, between?: (pageNumber: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pageNumber = 0;
  do {
    const body = await page(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    seen.push(...body.stories.map((s) => s.id));
    cursor = body.nextCursor;
    pageNumber += 1;
    if (cursor && between) await between(pageNumber);
  } while (cursor);
  return seen;
}

describe("keyset paging", () => {
  it("keeps newest-first pages stable while stories arrive: no duplicates, no gaps", async () => {
    const before = await ingestQueueStories(server, Array.from({ length: 45 }, (_, i) => ({ headline: `Before ${i}` })));
    const first = await page("limit=20");
    expect(first.stories.map((s) => s.id)).toEqual(before.slice(-20).reverse());
    const arrived = await ingestQueueStories(server, Array.from({ length: 20 }, (_, i) => ({ headline: `Arrived ${i}` })));
    const second = await page(`limit=20&cursor=${first.nextCursor}`);
    expect(second.stories.map((s) => s.id)).toEqual(before.slice(5, 25).reverse());
    const third = await page(`limit=20&cursor=${second.nextCursor}`);
    expect(third.stories.map((s) => s.id)).toEqual(before.slice(0, 5).reverse());
    expect(third.nextCursor).toBeNull();
    // The arrivals are on a fresh first page (and reach open desks live).
    expect((await page("limit=20")).stories.map((s) => s.id)).toEqual(arrived.reverse());
  });

  it("keeps search pages stable while matching stories arrive", async () => {
    await ingestQueueStories(server, Array.from({ length: 30 }, (_, i) => ({ headline: `Harbour report ${i}`, body: `<p>${"harbour ".repeat(1 + (i % 4))}cranes</p>` })));
    const expected = await allPages("q=harbour&limit=7");
    expect(new Set(expected).size).toBe(30);
    let arrivals = 0;
    const seen = await allPages("q=harbour&limit=7", async () => {
      arrivals += 1;
      await ingestQueueStories(server, [{ headline: `Harbour arrival ${arrivals}`, body: "<p>harbour harbour harbour</p>" }]);
    });
    expect(seen).toEqual(expected);
  });

  it("pages a search through every match, ranked within blocks, and refuses a cursor from another list", async () => {
    const search = await page("q=harbour&limit=5");
    expect(search.nextCursor).toMatch(/^s/);
    const refused = await callApi<{ error: { message: string } }>(server, cookie, "GET", `/api/stories?limit=5&cursor=${search.nextCursor}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("this cursor belongs to a search");
    const forged = await callApi<{ error: { message: string } }>(server, cookie, "GET", "/api/stories?q=harbour&cursor=sbm90LWpzb24");
    expect(forged).toEqual({ status: 400, body: { error: { code: "bad_request", message: "Parameter cursor: is not a cursor this server gave out." } } });
  });
});
