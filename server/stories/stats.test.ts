import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatsDto } from "../contract/stats";
import { callApi } from "../testing/queue-fixtures";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

describe("GET /api/stats", () => {
  it("counts stories per state and per hour and agency over the last 24 hours", async () => {
    const ctx = server.desk.ctx;
    const hour = 3_600_000;
    const now = Date.now();
    const thisHour = new Date(Math.floor(now / hour) * hour).toISOString();
    const twoHoursAgo = new Date(Math.floor(now / hour) * hour - 2 * hour).toISOString();
    await seedStories(ctx, [{ agency: "AP" }, { agency: "AP" }, { agency: "dpa" }]);
    await seedStories(ctx, [{ agency: "AP" }], new Date(Date.parse(twoHoursAgo) + 60_000).toISOString());
    const [spiked] = await seedStories(ctx, [{ agency: "AFP" }], new Date(now - 30 * hour).toISOString());
    const editor = await server.signIn("editor");
    expect((await callApi(server, editor.cookie, "POST", `/api/stories/${spiked}/actions/spike`)).status).toBe(200);

    const viewer = await server.signIn("viewer");
    const { status, body } = await callApi<StatsDto>(server, viewer.cookie, "GET", "/api/stats");
    expect(status).toBe(200);
    expect(body.states).toEqual({ incoming: 4, in_progress: 0, submitted: 0, approved: 0, published: 0, spiked: 1, killed: 0, corrected: 0, scheduled: 0 });
    expect(body.hourly).toEqual([
      { hour: twoHoursAgo, agency: "AP", count: 1 },
      { hour: thisHour, agency: "AP", count: 2 },
      { hour: thisHour, agency: "dpa", count: 1 },
    ]);
  });
});

describe("the per-state counts", () => {
  it("stay exact through ingest, workflow changes and new versions", async () => {
    const ctx = server.desk.ctx;
    const before = await ctx.store.queue.countByState();
    const [a, b] = await seedStories(ctx, [{ guid: "urn:counts:a" }, { guid: "urn:counts:b" }]);
    const editor = await server.signIn("editor");
    await callApi(server, editor.cookie, "POST", `/api/stories/${a}/actions/take`);
    await callApi(server, editor.cookie, "POST", `/api/stories/${b}/actions/spike`);
    await callApi(server, editor.cookie, "POST", `/api/stories/${b}/actions/unspike`);
    await seedStories(ctx, [{ guid: "urn:counts:b", version: 2, headline: "A new version" }]);
    const after = await ctx.store.queue.countByState();
    expect((after.incoming ?? 0) - (before.incoming ?? 0)).toBe(1);
    expect((after.in_progress ?? 0) - (before.in_progress ?? 0)).toBe(1);
    expect(after.spiked ?? 0).toBe(before.spiked ?? 0);
    const sqlite = new Database(server.dbFile, { readonly: true });
    const grouped = sqlite.prepare("select state, count(*) as n from stories group by state").all() as { state: string; n: number }[];
    sqlite.close();
    expect(after).toEqual(Object.fromEntries(grouped.map((g) => [g.state, g.n])));
  });
});
