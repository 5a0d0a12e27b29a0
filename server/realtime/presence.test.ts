import { afterEach, describe, expect, it } from "vitest";
import type { PresenceChangedEvent } from "../contract/presence";
import { nextEvent } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

type Client = ReturnType<TestServer["connect"]>;

/** Collects presence:changed events and waits for the one that matches. */
function recordPresence(socket: Client) {
  const events: PresenceChangedEvent[] = [];
  socket.on("presence:changed", (event) => events.push(event));
  return {
    events,
    async until(match: (e: PresenceChangedEvent) => boolean, timeoutMs = 5000): Promise<PresenceChangedEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching presence:changed; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

async function signedInSocket(s: TestServer, role: "viewer" | "editor", name: string) {
  const user = await s.signIn(role, `${name.toLowerCase().replace(/\s+/g, ".")}@test.wiredesk`);
  await s.desk.ctx.store.accounts.updateUser(user.userId, { name });
  const socket = s.connect(user.cookie);
  const snapshot = await nextEvent(socket, "presence:snapshot");
  return { socket, snapshot, userId: user.userId };
}

/** Ingests a story and answers its id: presence accepts only stories that exist. */
async function storyId(s: TestServer): Promise<string> {
  const response = await s.ingest(ninjsStory());
  return ((await response.json()) as { stories: { id: string }[] }).stories[0]!.id;
}

describe("presence on the desk socket", () => {
  it("shows two editors who is on which story, and who left when a socket closes", async () => {
    server = await startTestServer();
    const [storyA, storyB] = [await storyId(server), await storyId(server)];
    const eda = await signedInSocket(server, "editor", "Eda Editor");
    const vic = await signedInSocket(server, "viewer", "Vic Viewer");
    expect(eda.snapshot).toEqual({ stories: {} });
    const seenByVic = recordPresence(vic.socket);
    const seenByEda = recordPresence(eda.socket);

    expect(await eda.socket.emitWithAck("presence:set", { storyId: storyA, mode: "editing" })).toEqual({ ok: true });
    const edaOnA = { userId: eda.userId, name: "Eda Editor", initials: "EE", mode: "editing" };
    expect(await seenByVic.until((e) => e.storyId === storyA)).toEqual({ storyId: storyA, viewers: [edaOnA] });

    expect(await vic.socket.emitWithAck("presence:set", { storyId: storyA, mode: "viewing" })).toEqual({ ok: true });
    const both = await seenByEda.until((e) => e.storyId === storyA && e.viewers.length === 2);
    expect(both.viewers).toEqual([edaOnA, { userId: vic.userId, name: "Vic Viewer", initials: "VV", mode: "viewing" }]);

    // A newcomer gets the whole picture at once.
    const late = await signedInSocket(server, "viewer", "Lou Late");
    expect(late.snapshot.stories[storyA]).toEqual(both.viewers);

    // Moving to another story leaves the first one.
    await vic.socket.emitWithAck("presence:set", { storyId: storyB, mode: "viewing" });
    await seenByEda.until((e) => e.storyId === storyA && e.viewers.length === 1);
    await seenByEda.until((e) => e.storyId === storyB && e.viewers.length === 1);

    // Disconnecting counts as leaving.
    eda.socket.disconnect();
    expect(await seenByVic.until((e) => e.storyId === storyA && e.viewers.length === 0)).toEqual({ storyId: storyA, viewers: [] });
  });

  it("counts a user once across tabs and announces only real changes", async () => {
    server = await startTestServer();
    const story = await storyId(server);
    const user = await server.signIn("editor", "two.tabs@test.wiredesk");
    const watcher = await signedInSocket(server, "viewer", "Wat Cher");
    const seen = recordPresence(watcher.socket);
    const tab1 = server.connect(user.cookie);
    const tab2 = server.connect(user.cookie);
    await Promise.all([nextEvent(tab1, "presence:snapshot"), nextEvent(tab2, "presence:snapshot")]);
    await tab1.emitWithAck("presence:set", { storyId: story, mode: "viewing" });
    await tab2.emitWithAck("presence:set", { storyId: story, mode: "viewing" }); // same person, same story: no change
    await tab2.emitWithAck("presence:set", { storyId: story, mode: "editing" });
    await seen.until((e) => e.viewers[0]?.mode === "editing");
    tab2.disconnect(); // still viewing in tab 1
    await seen.until((e) => e.viewers.length === 1 && e.viewers[0]!.mode === "viewing" && seen.events.length === 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.events.map((e) => e.viewers.map((v) => v.mode))).toEqual([["viewing"], ["editing"], ["viewing"]]);
  });

  it("acks a bad payload or a viewer claiming to edit with an error, and the socket stays usable", async () => {
    server = await startTestServer();
    const story = await storyId(server);
    const vic = await signedInSocket(server, "viewer", "Vic Viewer");
    const raw = vic.socket as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
    expect(await raw.emitWithAck("presence:set", { storyId: 42, mode: "viewing" })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await raw.emitWithAck("presence:set", { storyId: "a", mode: "dancing" })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await raw.emitWithAck("presence:set", "nonsense")).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await vic.socket.emitWithAck("presence:set", { storyId: story, mode: "editing" })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Editing needs the editor role or higher." },
    });
    expect(await vic.socket.emitWithAck("presence:set", { storyId: story, mode: "viewing" })).toEqual({ ok: true });
  });
});
