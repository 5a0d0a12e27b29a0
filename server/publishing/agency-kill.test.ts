import { afterEach, describe, expect, it } from "vitest";
import type { StoryAlertedEvent } from "../contract/events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";
import { watchAgencyKills } from "./agency-kill";

let server: TestServer | undefined;
afterEach(async () => server?.stop());

async function publishedFromWire(s: TestServer, chief: string, uri: string): Promise<string> {
  const response = await s.ingest(ninjsStory({ uri, headline: "Agency story", body: "<p>Agency body.</p>" }));
  const { stories } = (await response.json()) as { stories: { id: string }[] };
  await walk(s, chief, stories[0]!.id, ["take", "submit", "approve", "publish"]);
  return stories[0]!.id;
}

describe("agency kills of published stories", () => {
  for (const policy of ["withdraw", "alert"] as const) {
    it(`alerts chiefs at once and ${policy === "withdraw" ? "withdraws the publication" : "leaves it up (alert only)"} with WIREDESK_AGENCY_KILL=${policy}`, async () => {
      server = await startTestServer({ env: { WIREDESK_AGENCY_KILL: policy } });
      const stop = watchAgencyKills(server.desk.ctx);
      const chief = await server.signIn("chief");
      const editor = await server.signIn("editor");
      const id = await publishedFromWire(server, chief.cookie, `urn:test:kill-${policy}`);
      const chiefSocket = server.connect(chief.cookie);
      const editorSocket = server.connect(editor.cookie);
      const editorAlerts: StoryAlertedEvent[] = [];
      editorSocket.on("story:alerted", (e) => editorAlerts.push(e));
      await Promise.all([new Promise((r) => chiefSocket.once("sync:completed", r)), new Promise((r) => editorSocket.once("sync:completed", r))]);
      // A desk room busy with earlier events when the kill is published: 3,000 story events (another
      // story's, repeated) go out just before the kill's own, so it waits behind them in the paced passes.
      const publisher = server.desk.ctx.publisher;
      const publish = publisher.storiesChanged.bind(publisher);
      publisher.storiesChanged = (changed) => {
        const kill = changed.find((c) => c.story.id === id && c.story.pubStatus === "canceled");
        if (kill) publish(Array.from({ length: 3000 }, () => ({ seq: kill.seq - 1, story: { ...kill.story, id: "earlier-story", pubStatus: "usable" } })));
        publish(changed);
      };
      const chiefSaw: { id: string; pubStatus: string }[] = [];
      chiefSocket.on("story:upserted", (e) => chiefSaw.push({ id: e.story.id, pubStatus: e.story.pubStatus }));
      // What the chief's desk had when the alert came: the story's own kill is already there.
      const alerted = new Promise<StoryAlertedEvent>((resolve) => chiefSocket.once("story:alerted", (e) => resolve({ ...e, seenBefore: [...chiefSaw] } as StoryAlertedEvent)));
      await server.ingest(ninjsStory({ uri: `urn:test:kill-${policy}`, version: 2, pubstatus: "canceled", headline: "Agency story" }));
      const alert = await alerted;
      expect(alert).toMatchObject({ storyId: id, kind: "agency_kill" });
      expect((alert as StoryAlertedEvent & { seenBefore: typeof chiefSaw }).seenBefore).toContainEqual({ id, pubStatus: "canceled" });
      const status = (await fetch(`${server.url}/api/v1/published/${id}`)).status;
      expect(status).toBe(policy === "withdraw" ? 410 : 200);
      expect(editorAlerts).toEqual([]);
      stop();
    });
  }
});
