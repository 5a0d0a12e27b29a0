import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatsDto } from "../contract/stats";
import type { StoryPage } from "../contract/story";
import { callApi } from "../testing/queue-fixtures";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  const ctx = server.desk.ctx;
  // Stories outside every view below, so the desk-wide counts differ from the filtered ones.
  await seedStories(ctx, [{ agency: "Elsewhere" }, { agency: "Elsewhere" }, { agency: "Elsewhere" }]);
  const ids = await seedStories(ctx, [
    { agency: "AP", headline: "Harbour strike spreads" },
    { agency: "AP", headline: "Harbour talks resume" },
    { agency: "AP", headline: "Budget vote" },
    { agency: "dpa", headline: "Harbour reopens" },
    { agency: "dpa", headline: "Election night" },
  ]);
  const editor = await server.signIn("editor");
  cookie = editor.cookie;
  await callApi(server, cookie, "POST", `/api/stories/${ids[0]}/actions/take`);
  await callApi(server, cookie, "POST", `/api/stories/${ids[3]}/actions/spike`);
  await callApi(server, cookie, "POST", `/api/stories/${ids[4]}/actions/spike`);
});
afterAll(async () => server.stop());

async function linesIn(query: string): Promise<number> {
  const { body } = await callApi<StoryPage>(server, cookie, "GET", `/api/stories?limit=500${query ? `&${query}` : ""}`);
  return body.stories.length;
}

describe("the header's counts for the queue in view", () => {
  for (const view of ["agency=AP", "agency=-Elsewhere", "q=harbour", "agency=dpa&q=harbour", "urgencyMin=1"]) {
    it(`agree with the lines each count filters to (${view})`, async () => {
      const { status, body } = await callApi<StatsDto>(server, cookie, "GET", `/api/stats?${view}&state=spiked`);
      expect(status).toBe(200);
      expect(body.countCap).toBeGreaterThan(0);
      for (const [state, count] of Object.entries(body.states)) expect(count, `${view} ${state}`).toBe(await linesIn(`${view}&state=${state}`));
    });
  }

  it("without filters, stay the whole desk's exact numbers", async () => {
    const { body } = await callApi<StatsDto>(server, cookie, "GET", "/api/stats");
    expect(body.countCap).toBeNull();
    expect(body.states.incoming).toBe(5);
    expect(body.states.in_progress).toBe(1);
    expect(body.states.spiked).toBe(2);
  });

  it("refuse a malformed filter as the queue does", async () => {
    expect((await callApi(server, cookie, "GET", "/api/stats?urgencyMin=12")).status).toBe(400);
  });
});
