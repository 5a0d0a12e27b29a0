import { afterEach, describe, expect, it } from "vitest";
import type { StoryDetail } from "../contract/story";
import { callApi } from "../testing/queue-fixtures";
import { nextEvent, recordStoryEvents } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Two signed-in editors, each with a live socket that has finished its catch-up. */
async function twoEditors(s: TestServer) {
  const a = await s.signIn("editor", `alice-${Date.now()}@test.wiredesk`);
  const b = await s.signIn("editor", `bob-${Date.now()}@test.wiredesk`);
  const socketA = s.connect(a.cookie, { lastSeq: 0 });
  const socketB = s.connect(b.cookie, { lastSeq: 0 });
  const eventsA = recordStoryEvents(socketA);
  const eventsB = recordStoryEvents(socketB);
  await Promise.all([nextEvent(socketA, "sync:completed"), nextEvent(socketB, "sync:completed")]);
  return { a, b, socketB, eventsA, eventsB };
}

async function ingestOne(s: TestServer, headline: string): Promise<string> {
  const response = await s.ingest(ninjsStory({ uri: `urn:test:action:${Date.now()}:${Math.random()}`, headline }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { stories: { id: string }[] }).stories[0]!.id;
}

const settle = () => new Promise((r) => setTimeout(r, 200)); // a duplicate or stray event would arrive by now

describe("a story action by one editor reaches the other editors", () => {
  it("pushes editor A's take and then spike to editor B's socket, once each and in order", async () => {
    server = await startTestServer();
    const { a, b, eventsA, eventsB } = await twoEditors(server);
    const id = await ingestOne(server, "Harbour crane collapses overnight");
    await Promise.all([eventsA.waitFor(1), eventsB.waitFor(1)]);
    const arrived = eventsB.events[0]!;
    expect(arrived.story).toMatchObject({ id, state: "incoming", takenBy: null });

    const take = await callApi<StoryDetail>(server, a.cookie, "POST", `/api/stories/${id}/actions/take`);
    expect(take.status).toBe(200);
    const [, taken] = await eventsB.waitFor(2);
    expect(taken!.story).toMatchObject({ id, state: "in_progress", takenBy: a.userId, rev: take.body.rev });
    expect(taken!.seq).toBeGreaterThan(arrived.seq);

    // B cannot take what A holds: a clear refusal, and nobody is told of a change that did not happen.
    const second = await callApi<{ error: { code: string } }>(server, b.cookie, "POST", `/api/stories/${id}/actions/take`);
    expect(second.status).toBe(409);

    const spike = await callApi<StoryDetail>(server, a.cookie, "POST", `/api/stories/${id}/actions/spike`, { rev: take.body.rev });
    expect(spike.status).toBe(200);
    const [, , spiked] = await eventsB.waitFor(3);
    expect(spiked!.story).toMatchObject({ id, state: "spiked", rev: spike.body.rev });
    expect(spiked!.seq).toBeGreaterThan(taken!.seq);

    await Promise.all([eventsA.waitFor(3), settle()]);
    for (const recorded of [eventsA, eventsB]) {
      expect(recorded.events.map((e) => e.story.state)).toEqual(["incoming", "in_progress", "spiked"]);
    }
  });

  it("an editor who was offline during the take sees it when the socket comes back", async () => {
    server = await startTestServer();
    const { a, b, socketB, eventsB } = await twoEditors(server);
    const id = await ingestOne(server, "Council votes on tram line");
    const [arrived] = await eventsB.waitFor(1);
    socketB.disconnect();

    expect((await callApi(server, a.cookie, "POST", `/api/stories/${id}/actions/take`)).status).toBe(200);
    const back = server.connect(b.cookie, { lastSeq: arrived!.seq });
    const replay = recordStoryEvents(back);
    expect(await nextEvent(back, "sync:completed")).toMatchObject({ replayed: 1 });
    expect(replay.events.map((e) => e.story)).toEqual([expect.objectContaining({ id, state: "in_progress", takenBy: a.userId })]);
  });

  it("lets exactly one of 20 simultaneous takes win, and tells the desk exactly once", async () => {
    server = await startTestServer();
    const { a, b, eventsB } = await twoEditors(server);
    const id = await ingestOne(server, "Ferry strike called off");
    await eventsB.waitFor(1);

    const cookies = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a.cookie : b.cookie));
    const answers = await Promise.all(cookies.map((cookie) => callApi<StoryDetail>(server!, cookie, "POST", `/api/stories/${id}/actions/take`)));
    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(19);

    await eventsB.waitFor(2);
    await settle();
    expect(eventsB.events).toHaveLength(2);
    expect(eventsB.events[1]!.story).toMatchObject({ id, state: "in_progress", takenBy: won[0]!.body.takenBy });
  });
});
