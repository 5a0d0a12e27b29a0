import { afterEach, describe, expect, it } from "vitest";
import type { CommandAck, PresenceChangedEvent } from "../contract/presence";
import { nextEvent } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function storyId(s: TestServer): Promise<string> {
  const response = await s.ingest(ninjsStory());
  return ((await response.json()) as { stories: { id: string }[] }).stories[0]!.id;
}

describe("socket events are rate-limited per socket", () => {
  it("refuses a flood past the burst with rate_limited, and the other desks hear only what was accepted", async () => {
    server = await startTestServer();
    const story = await storyId(server);
    const [editor, viewer] = [await server.signIn("editor"), await server.signIn("viewer")];
    const flooder = server.connect(editor.cookie);
    const watcher = server.connect(viewer.cookie);
    await Promise.all([nextEvent(flooder, "sync:completed"), nextEvent(watcher, "sync:completed")]);
    const heard: PresenceChangedEvent[] = [];
    watcher.on("presence:changed", (event) => heard.push(event));

    const started = Date.now();
    const acks = await Promise.all(Array.from({ length: 450 }, (_, i) => flooder.emitWithAck("presence:set", { storyId: story, mode: i % 2 ? "viewing" : "editing" })));
    const seconds = (Date.now() - started) / 1000;
    const accepted = acks.filter((a: CommandAck) => a.ok).length;
    const refused = acks.filter((a: CommandAck) => !a.ok && a.error.code === "rate_limited").length;
    expect(accepted).toBeGreaterThanOrEqual(300); // the burst passes
    expect(accepted).toBeLessThanOrEqual(300 + Math.ceil(seconds * 100) + 1);
    expect(accepted + refused).toBe(450);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard.length).toBeLessThanOrEqual(accepted);
    expect(flooder.connected).toBe(true); // a burst is refused, not punished
  });

  it("allows 100 events a second sustained", async () => {
    server = await startTestServer();
    const story = await storyId(server);
    const socket = server.connect((await server.signIn("viewer")).cookie);
    await nextEvent(socket, "sync:completed");
    const acks: CommandAck[] = [];
    for (let round = 0; round < 6; round++) {
      acks.push(...(await Promise.all(Array.from({ length: 80 }, () => socket.emitWithAck("presence:set", { storyId: story, mode: "viewing" })))));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(acks.every((a) => a.ok)).toBe(true);
  });

  it("disconnects a socket that keeps flooding after being refused", async () => {
    server = await startTestServer();
    const socket = server.connect((await server.signIn("viewer")).cookie);
    await nextEvent(socket, "sync:completed");
    const gone = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    for (let i = 0; i < 1500; i++) socket.emit("presence:set", { storyId: null, mode: "viewing" }, () => undefined);
    expect(await gone).toBe("io server disconnect");
  });

  it("accepts presence only for stories that exist", async () => {
    server = await startTestServer();
    const socket = server.connect((await server.signIn("viewer")).cookie);
    await nextEvent(socket, "sync:completed");
    expect(await socket.emitWithAck("presence:set", { storyId: "made-up-story", mode: "viewing" })).toEqual({ ok: false, error: { code: "not_found", message: "No story with that id." } });
    expect(await socket.emitWithAck("presence:set", { storyId: await storyId(server), mode: "viewing" })).toEqual({ ok: true });
  });

  it("lets a newsroom behind one address reconnect all at once (120 handshakes), several sockets per session", async () => {
    server = await startTestServer();
    const { cookie } = await server.signIn("viewer");
    const sockets = Array.from({ length: 120 }, () => server!.connect(cookie));
    await Promise.all(sockets.map((socket) => nextEvent(socket, "sync:completed")));
    expect(sockets.every((socket) => socket.connected)).toBe(true);
  }, 60_000);
});
