import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryDetail } from "../contract/story";
import { callApi } from "../testing/queue-fixtures";
import { seedStories } from "../testing/seed-stories";
import { nextEvent, recordStoryEvents } from "../testing/socket-events";
import { startTestServer, type TestServer } from "../testing/test-server";
import { AUTO_SPIKE_BATCH, spikeStaleStories } from "./auto-spike";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { WIREDESK_AUTOSPIKE_HOURS: "6" } });
});
afterAll(async () => server.stop());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe("auto-spike of incoming copy nobody took", () => {
  it("spikes only incoming stories unchanged for longer than the configured age, each as its own change pushed to every desk", async () => {
    const ctx = server.desk.ctx;
    const [stale, alsoStale] = await seedStories(ctx, [{ headline: "Stale one" }, { headline: "Stale two" }], hoursAgo(7));
    const [taken] = await seedStories(ctx, [{ headline: "Taken long ago" }], hoursAgo(8));
    const [fresh] = await seedStories(ctx, [{ headline: "Fresh" }], hoursAgo(5));
    const editor = await server.signIn("editor");
    expect((await callApi(server, editor.cookie, "POST", `/api/stories/${taken}/actions/take`)).status).toBe(200);

    const socket = server.connect(editor.cookie, { lastSeq: await ctx.store.stories.currentSeq() });
    const events = recordStoryEvents(socket);
    await nextEvent(socket, "sync:completed");

    expect(await spikeStaleStories(ctx)).toBe(2);
    await events.waitFor(2);
    expect(events.events.map((e) => [e.story.id, e.story.state])).toEqual([
      [stale, "spiked"],
      [alsoStale, "spiked"],
    ]);
    expect(events.events[1]!.seq).toBe(events.events[0]!.seq + 1);
    for (const [id, state] of [[stale, "spiked"], [taken, "in_progress"], [fresh, "incoming"]] as const) {
      expect((await callApi<StoryDetail>(server, editor.cookie, "GET", `/api/stories/${id}`)).body.state).toBe(state);
    }
    // A story unspiked by hand is fresh again and not spiked on the next run.
    expect((await callApi(server, editor.cookie, "POST", `/api/stories/${stale}/actions/unspike`)).status).toBe(200);
    expect(await spikeStaleStories(ctx)).toBe(0);
  });

  it(`works off a backlog in batches of ${AUTO_SPIKE_BATCH}`, async () => {
    const ctx = server.desk.ctx;
    await seedStories(ctx, Array.from({ length: AUTO_SPIKE_BATCH + 3 }, () => ({})), hoursAgo(10));
    expect(await spikeStaleStories(ctx)).toBe(AUTO_SPIKE_BATCH);
    expect(await spikeStaleStories(ctx)).toBe(3);
    expect(await spikeStaleStories(ctx)).toBe(0);
  });

  it("does nothing when WIREDESK_AUTOSPIKE_HOURS is 0", async () => {
    const ctx = server.desk.ctx;
    await seedStories(ctx, [{}], hoursAgo(1000));
    const off = { ...ctx, env: { ...ctx.env, WIREDESK_AUTOSPIKE_HOURS: 0 } };
    expect(await spikeStaleStories(off)).toBe(0);
    expect(await spikeStaleStories(ctx)).toBe(1);
  });
});
