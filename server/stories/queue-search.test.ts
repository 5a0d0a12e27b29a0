import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryPage } from "../contract/story";
import { callApi, ingestQueueStories } from "../testing/queue-fixtures";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let cookie: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  cookie = (await server.signIn("viewer")).cookie;
  const stories = {
    bodyOnly: { headline: "Markets close calm", body: "<p>Traders said a zebra was seen near the stock exchange.</p>" },
    headline: { headline: "Zebra escapes from <Berlin> zoo & runs", body: "<p>The striped animal left its enclosure at dawn.</p>" },
    strike: { headline: "Rail strike halts trains", body: "<p>Unions called the stoppage over pay.</p>" },
    walkout: { headline: "Teachers stage walkout", body: "<p>Schools closed in three regions.</p>" },
    football: { headline: "Strike ends football season", body: "<p>Players refused to play.</p>" },
    peace: { headline: "Diplomats meet", body: "<p>The peace talks resumed in Geneva on Monday.</p>" },
    scrambled: { headline: "Talks on peace", body: "<p>Nothing about the other phrase here.</p>" },
    ukraine: { headline: "Ukrainian grain exports rise", body: "<p>Shipments left Odesa.</p>" },
    accent: { headline: "Élection présidentielle au Sénégal", body: "<p>Les électeurs votent.</p>", language: "fr" },
  };
  const created = await ingestQueueStories(server, Object.values(stories));
  Object.keys(stories).forEach((key, i) => (ids[key] = created[i]!));
});
afterAll(async () => server.stop());

async function search(q: string, extra = ""): Promise<{ status: number; body: StoryPage & { error?: { code: string; message: string } } }> {
  return callApi(server, cookie, "GET", `/api/stories?q=${encodeURIComponent(q)}${extra}`);
}

async function idsFor(q: string): Promise<string[]> {
  const { status, body } = await search(q);
  expect(status).toBe(200);
  return body.stories.map((s) => s.id);
}

describe("full-text search over the queue", () => {
  it("ranks a headline match above a body-only match, even when the body match is newer", async () => {
    // bodyOnly was ingested first, so newest-first order would put headline first anyway: check a newer body match too.
    const [newer] = await ingestQueueStories(server, [{ headline: "Evening briefing", body: "<p>Keepers say the zebra is back.</p>" }]);
    const found = await idsFor("zebra");
    expect(found[0]).toBe(ids.headline);
    expect(new Set(found)).toEqual(new Set([ids.headline, ids.bodyOnly, newer]));
  });

  it("highlights the matches in the headline, escaping the story's own HTML", async () => {
    const { body } = await search("zebra zoo");
    const story = body.stories.find((s) => s.id === ids.headline)!;
    expect(story.highlight).toBe("<mark>Zebra</mark> escapes from &lt;Berlin&gt; <mark>zoo</mark> &amp; runs");
    expect(story.headline).toBe("Zebra escapes from <Berlin> zoo & runs");
  });

  it("shows a body snippet with the match marked when the headline has none", async () => {
    const { body } = await search("stock exchange");
    expect(body.stories.map((s) => s.id)).toEqual([ids.bodyOnly]);
    expect(body.stories[0]!.highlight).toContain("<mark>stock</mark> <mark>exchange</mark>");
    expect(body.stories[0]!.highlight).not.toMatch(/<(?!\/?mark>)/);
  });

  it("matches quoted phrases only in order", async () => {
    expect(await idsFor('"peace talks"')).toEqual([ids.peace]);
    expect(new Set(await idsFor("peace talks"))).toEqual(new Set([ids.peace, ids.scrambled]));
  });

  it("matches either side of OR, excludes -words and finds prefixes", async () => {
    expect(new Set(await idsFor("strike OR walkout"))).toEqual(new Set([ids.strike, ids.walkout, ids.football]));
    expect(new Set(await idsFor("strike OR walkout -football"))).toEqual(new Set([ids.strike, ids.walkout]));
    expect(await idsFor("ukrain*")).toEqual([ids.ukraine]);
    expect(await idsFor("ukr*")).toEqual([ids.ukraine]); // 3 letters: the prefix index
    expect(await idsFor("ukrain")).toEqual([]);
  });

  it("ignores accents both ways", async () => {
    expect(await idsFor("election senegal")).toEqual([ids.accent]);
    expect(await idsFor("élection")).toEqual([ids.accent]);
  });

  it.each([
    ['"unfinished', 'A quote is not closed: add the closing " or remove the opening one.'],
    ["-strike", "Add a word to look for: a search cannot be only excluded words (-word)."],
    ["OR", "OR goes between two search terms, as in: strike OR walkout."],
    ["* ^ :", "Type at least one word to search for."],
  ])("answers the malformed query %j with 400 and a friendly message", async (q, message) => {
    const { status, body } = await search(q);
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid_query", message });
  });

  it.each(['strike"', "strike*", "rail:strike", "^strike", "NEAR(strike trains)", "strike AND trains", "strike NOT football", "{strike}", "strike + trains", "(strike"])(
    "never fails on FTS5 syntax typed by a user: %j",
    async (q) => {
      const { status } = await search(q);
      expect([200, 400]).toContain(status);
    },
  );

  it("reads FTS5 operators as the desk's own language or as words", async () => {
    expect(new Set(await idsFor("strike AND trains"))).toEqual(new Set([ids.strike]));
    expect(await idsFor("rail:strike")).toEqual([ids.strike]);
    // NOT is not an operator in the desk's language: it is a word that no story contains.
    expect(await idsFor("strike NOT football")).toEqual([]);
  });

  it("combines the search with filters", async () => {
    const { body } = await search("strike", "&state=incoming&urgencyMax=5&agency=-Otherwire");
    expect(new Set(body.stories.map((s) => s.id))).toEqual(new Set([ids.strike, ids.football]));
    expect((await search("strike", "&agency=Otherwire")).body.stories).toEqual([]);
  });

  it("orders a search newest first with sort=newest, paging without gaps, and keeps relevance the default", async () => {
    const [newer] = await ingestQueueStories(server, [{ headline: "Zoo keepers count again", body: "<p>No zebra was missing after all.</p>" }]);
    const newest = await search("zebra", "&sort=newest&limit=2");
    expect(newest.status).toBe(200);
    expect(newest.body.stories[0]!.id).toBe(newer);
    const rest = await search("zebra", `&sort=newest&limit=50&cursor=${encodeURIComponent(newest.body.nextCursor!)}`);
    const all = [...newest.body.stories, ...rest.body.stories].map((s) => s.id);
    expect(all).toHaveLength(new Set(all).size);
    const received = [...newest.body.stories, ...rest.body.stories].map((s) => s.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    expect(new Set(all)).toEqual(new Set(await idsFor("zebra")));
    expect((await idsFor("zebra"))[0]).toBe(ids.headline); // no sort: relevance, as documented
    expect((await search("zebra", "&sort=oldest")).status).toBe(400);
  });
});
