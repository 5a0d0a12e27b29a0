import { afterEach, describe, expect, it } from "vitest";
import { nextEvent, recordStoryEvents, waitConnected } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function ingestMany(s: TestServer, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await s.ingest(ninjsStory({ uri: `urn:test:${prefix}:${i}`, headline: `${prefix} story ${i}` }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { stories: { id: string }[] };
    ids.push(body.stories[0]!.id);
  }
  return ids;
}

describe("realtime backbone", () => {
  it("pushes a story ingested over HTTP to two editors, once each", async () => {
    server = await startTestServer();
    const a = await server.signIn("editor");
    const b = await server.signIn("viewer");
    const socketA = server.connect(a.cookie, { lastSeq: 0 });
    const socketB = server.connect(b.cookie, { lastSeq: 0 });
    const eventsA = recordStoryEvents(socketA);
    const eventsB = recordStoryEvents(socketB);
    await Promise.all([nextEvent(socketA, "sync:completed"), nextEvent(socketB, "sync:completed")]);

    const response = await server.ingest(ninjsStory({ uri: "urn:test:one", headline: "Both desks see this" }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { stories: { id: string; guid: string; agencyVersion: number }[] };
    expect(body.stories).toEqual([expect.objectContaining({ guid: "urn:test:one", agencyVersion: 1 })]);

    await Promise.all([eventsA.waitFor(1), eventsB.waitFor(1)]);
    await new Promise((r) => setTimeout(r, 200)); // any duplicate would arrive by now
    for (const recorded of [eventsA, eventsB]) {
      expect(recorded.events).toHaveLength(1);
      expect(recorded.events[0]!.story).toMatchObject({ id: body.stories[0]!.id, headline: "Both desks see this", state: "incoming" });
      expect(typeof recorded.events[0]!.seq).toBe("number");
    }
  });

  it("replays exactly the 50 stories a disconnected client missed, in order", async () => {
    server = await startTestServer();
    const { cookie } = await server.signIn("editor");
    const first = server.connect(cookie, { lastSeq: 0 });
    const live = recordStoryEvents(first);
    await nextEvent(first, "sync:completed");
    await ingestMany(server, 3, "before");
    await live.waitFor(3);
    const lastSeq = live.events.at(-1)!.seq;
    first.disconnect();

    const missedIds = await ingestMany(server, 50, "missed");
    const again = server.connect(cookie, { lastSeq });
    const replay = recordStoryEvents(again);
    const completed = await nextEvent(again, "sync:completed");
    expect(replay.events.map((e) => e.story.id)).toEqual(missedIds);
    const seqs = replay.events.map((e) => e.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(50);
    expect(completed).toEqual({ seq: seqs.at(-1), replayed: 50 });
  });

  it("replays what was missed across a server restart (the log is in the database)", async () => {
    server = await startTestServer();
    const { cookie } = await server.signIn("editor", "restart@test.wiredesk");
    const socket = server.connect(cookie, { lastSeq: 0 });
    const live = recordStoryEvents(socket);
    await nextEvent(socket, "sync:completed");
    await ingestMany(server, 2, "early");
    await live.waitFor(2);
    const lastSeq = live.events.at(-1)!.seq;
    socket.disconnect();
    const missedBeforeStop = await ingestMany(server, 5, "before-restart");
    const dir = server.dir;
    await server.stop({ keepFiles: true });

    server = await startTestServer({ dir });
    const missedAfterStart = await ingestMany(server, 5, "after-restart");
    const { cookie: fresh } = await server.signIn("editor", "restart@test.wiredesk");
    const again = server.connect(fresh, { lastSeq });
    const replay = recordStoryEvents(again);
    await nextEvent(again, "sync:completed");
    expect(replay.events.map((e) => e.story.id)).toEqual([...missedBeforeStop, ...missedAfterStart]);
  });

  it("tells a client that is further behind than the log keeps to refetch", async () => {
    server = await startTestServer();
    const { cookie } = await server.signIn("viewer");
    await ingestMany(server, 1, "x");
    const socket = server.connect(cookie, { lastSeq: 10_000 });
    expect(await nextEvent(socket, "sync:stale")).toMatchObject({ reason: "log_reset" });
  });

  it("refuses a socket without a session, or with a forged one", async () => {
    server = await startTestServer();
    await expect(waitConnected(server.connect(null))).rejects.toThrow("unauthorized");
    await expect(waitConnected(server.connect("wd_session=forged-value"))).rejects.toThrow("unauthorized");
  });

  it("applies a newer agency version to the same story and ignores a repeat", async () => {
    server = await startTestServer();
    const { cookie } = await server.signIn("editor");
    const socket = server.connect(cookie, { lastSeq: 0 });
    const events = recordStoryEvents(socket);
    await nextEvent(socket, "sync:completed");
    type Answer = { stories: { id: string }[] };
    const v1 = (await (await server.ingest(ninjsStory({ uri: "urn:test:v", version: 1, headline: "First" }))).json()) as Answer;
    const repeat = (await (await server.ingest(ninjsStory({ uri: "urn:test:v", version: 1, headline: "First" }))).json()) as Answer;
    const v2 = (await (await server.ingest(ninjsStory({ uri: "urn:test:v", version: 2, headline: "Second" }))).json()) as Answer;
    expect(repeat.stories[0]!.id).toBe(v1.stories[0]!.id);
    expect(v2.stories[0]!.id).toBe(v1.stories[0]!.id);
    await events.waitFor(2);
    await new Promise((r) => setTimeout(r, 150));
    expect(events.events.map((e) => e.story.headline)).toEqual(["First", "Second"]);
    expect(events.events[1]!.story).toMatchObject({ agencyVersion: 2, versionCount: 2 });
  });
});
