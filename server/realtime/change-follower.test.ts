import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { closeContext, createContext } from "../context";
import { parseEnv } from "../env";
import { createLogger } from "../logger";
import { seedStories } from "../testing/seed-stories";
import { nextEvent, recordStoryEvents } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { FOLLOW_INTERVAL_MS } from "./change-follower";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe("changes committed by another process", () => {
  it("reach connected desks within a follow interval, once, beside the server's own changes", async () => {
    server = await startTestServer();
    const { cookie } = await server.signIn("editor");
    const socket = server.connect(cookie, { lastSeq: 0 });
    const events = recordStoryEvents(socket);
    await nextEvent(socket, "sync:completed");

    // Another writer on the same database file (as the ingest CLI is): its own connection and context.
    const other = createContext(parseEnv({ NODE_ENV: "test", WIREDESK_DB: server.dbFile }), createLogger("silent"), { db: openDb(server.dbFile) });
    try {
      const [foreignId] = await seedStories(other, [{ headline: "Filed from the command line" }]);
      const local = await server.ingest(ninjsStory({ uri: "urn:test:local", headline: "Filed over HTTP" }));
      expect(local.status).toBe(201);

      await events.waitFor(2, FOLLOW_INTERVAL_MS * 3);
      await new Promise((r) => setTimeout(r, FOLLOW_INTERVAL_MS * 1.5)); // a duplicate would arrive by now
      const headlines = events.events.map((e) => e.story.headline).sort();
      expect(headlines).toEqual(["Filed from the command line", "Filed over HTTP"]);
      expect(events.events.find((e) => e.story.headline === "Filed from the command line")!.story.id).toBe(foreignId);
    } finally {
      await closeContext(other);
    }
  });
});
