import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryPage } from "../contract/story";
import { callApi, ingestQueueStories } from "../testing/queue-fixtures";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let cookie: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  cookie = (await server.signIn("editor")).cookie;
  const stories = {
    apPolitics: { agency: "AP", urgency: 2, language: "en", subjects: ["politics", "world"] },
    apSport: { agency: "AP", urgency: 5, language: "en", subjects: ["sport"] },
    reutersEconomy: { agency: "Reuters", urgency: 3, language: "en", subjects: ["economy"] },
    afpPolitics: { agency: "AFP", urgency: 4, language: "fr", subjects: ["politics"] },
    dpaNothing: { agency: "dpa", urgency: 7, language: "de" },
  };
  const created = await ingestQueueStories(server, Object.values(stories));
  Object.keys(stories).forEach((key, i) => (ids[key] = created[i]!));
  const spiked = await callApi(server, cookie, "POST", `/api/stories/${ids.dpaNothing}/actions/spike`);
  expect(spiked.status).toBe(200);
});
afterAll(async () => server.stop());

async function list(query: string): Promise<string[]> {
  const { status, body } = await callApi<StoryPage>(server, cookie, "GET", `/api/stories?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.stories.map((s) => s.id);
}

describe("queue filters", () => {
  it.each([
    ["agency=AP", ["apSport", "apPolitics"]],
    ["agency=-AP", ["dpaNothing", "afpPolitics", "reutersEconomy"]],
    ["agency=AP,AFP", ["afpPolitics", "apSport", "apPolitics"]],
    ["category=politics", ["afpPolitics", "apPolitics"]],
    ["category=-politics", ["dpaNothing", "reutersEconomy", "apSport"]],
    ["category=sport,economy", ["reutersEconomy", "apSport"]],
    ["language=-en", ["dpaNothing", "afpPolitics"]],
    ["state=spiked", ["dpaNothing"]],
    ["state=-spiked", ["afpPolitics", "reutersEconomy", "apSport", "apPolitics"]],
    ["urgencyMax=3", ["reutersEconomy", "apPolitics"]],
    ["urgencyMin=4&urgencyMax=5", ["afpPolitics", "apSport"]],
  ])("%s", async (query, expected) => {
    expect(await list(query)).toEqual(expected.map((k) => ids[k]));
  });

  it("combines filters, negated ones included", async () => {
    expect(await list("agency=-Reuters&category=politics,economy&language=en&state=-spiked&urgencyMax=4")).toEqual([ids.apPolitics]);
    expect(await list("agency=AP&category=-politics&state=incoming")).toEqual([ids.apSport]);
  });

  it("filters by time received (ISO 8601), as a range", async () => {
    const ctx = server.desk.ctx;
    const [old] = await seedStories(ctx, [{ headline: "From last week" }], "2026-01-05T10:00:00.000Z");
    const [older] = await seedStories(ctx, [{ headline: "From the week before" }], "2025-12-29T10:00:00.000Z");
    expect(await list("since=2026-01-01T00:00:00Z&until=2026-01-10")).toEqual([old]);
    // Queue order is arrival order: the backdated story was stored last.
    expect(await list("until=2026-01-10T00:00:00%2B02:00")).toEqual([older, old]);
    expect(await list("since=2026-01-05T10:00:00.001Z&until=2026-01-31")).toEqual([]);
  });

  it.each([
    ["urgencyMax=0", "Parameter urgencyMax:"],
    ["urgencyMin=6&urgencyMax=2", "Parameter urgencyMin: must not be above urgencyMax."],
    ["state=bogus", 'Parameter state: unknown state "bogus".'],
    ["since=last%20tuesday", "Parameter since: must be an ISO 8601 date or time"],
    ["since=2026-02-01&until=2026-01-01", "Parameter since: must be before until."],
    ["limit=5000", "Parameter limit:"],
    ["cursor=abc", "Parameter cursor: is not a cursor this server gave out."],
  ])("refuses %s with 400 and says which parameter is wrong", async (query, message) => {
    const { status, body } = await callApi<{ error: { code: string; message: string } }>(server, cookie, "GET", `/api/stories?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(message);
  });
});
