import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { takeCredit } from "../contract/new-story";
import type { StoryDetail, StoryPage } from "../contract/story";
import { eventually, joinStory } from "../testing/collab-client";
import { recordStoryEvents, waitConnected } from "../testing/socket-events";
import { startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";

let server: TestServer;
let editor: { cookie: string; userId: string };
let chief: string;
let viewer: string;
beforeAll(async () => {
  server = await startTestServer();
  editor = await server.signIn("editor");
  chief = (await server.signIn("chief")).cookie;
  viewer = (await server.signIn("viewer")).cookie;
});
afterAll(async () => server.stop());

function create(cookie: string, body: unknown = {}) {
  return fetch(`${server.url}/api/stories`, { method: "POST", headers: { cookie, "content-type": "application/json", origin: server.url }, body: JSON.stringify(body) });
}

async function getStory(id: string): Promise<StoryDetail> {
  return (await (await fetch(`${server.url}/api/stories/${id}`, { headers: { cookie: editor.cookie } })).json()) as StoryDetail;
}

/** An agency story as ninjs, credited to `agency`. */
async function ingestTake(agency: string, headline: string, body: string): Promise<string> {
  const item = { uri: `urn:test:${Math.random().toString(36).slice(2)}`, version: "1", type: "text", pubstatus: "usable", urgency: 4, language: "en", versioncreated: new Date().toISOString(), headlines: [{ role: "main", value: headline }], bodies: [{ role: "main", contenttype: "text/html", value: body }], copyrightholder: agency };
  const answer = (await (await server.ingest(JSON.stringify(item))).json()) as { stories: { id: string }[] };
  return answer.stories[0]!.id;
}

describe("POST /api/stories", () => {
  it("20 parallel creates from one editor give 20 distinct desk stories, taken by them, live on another desk", async () => {
    const otherDesk = server.connect((await server.signIn("editor")).cookie);
    await waitConnected(otherDesk);
    const heard = recordStoryEvents(otherDesk);
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(editor.cookie)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const created = (await Promise.all(answers.map((a) => a.json()))) as StoryDetail[];
    expect(new Set(created.map((s) => s.id)).size).toBe(20);
    for (const story of created) {
      expect(story).toMatchObject({ state: "in_progress", takenBy: editor.userId, agency: null, format: "desk", sources: [] });
      expect(story.byline).toMatch(/^By editor/);
    }
    const events = await heard.waitFor(20);
    expect(new Set(events.map((e) => e.story.id))).toEqual(new Set(created.map((s) => s.id)));
    const queue = (await (await fetch(`${server.url}/api/stories?state=in_progress&limit=100`, { headers: { cookie: viewer } })).json()) as StoryPage;
    expect(queue.stories.filter((s) => created.some((c) => c.id === s.id))).toHaveLength(20);
    const audit = (await (await fetch(`${server.url}/api/audit?action=story.create`, { headers: { cookie: (await server.signIn("admin")).cookie } })).json()) as { entries: { subject: string }[] };
    expect(audit.entries.filter((e) => created.some((c) => c.id === e.subject))).toHaveLength(20);
  });

  it("refuses a viewer (403) and a cross-origin request, and creates nothing", async () => {
    const before = (await (await fetch(`${server.url}/api/stories?limit=500`, { headers: { cookie: viewer } })).json()) as StoryPage;
    const refused = await create(viewer);
    expect(refused.status).toBe(403);
    const crossOrigin = await fetch(`${server.url}/api/stories`, { method: "POST", headers: { cookie: editor.cookie, "content-type": "application/json", origin: "https://evil.example" }, body: "{}" });
    expect(crossOrigin.status).toBe(403);
    expect((await create(editor.cookie, { fromStoryIds: [] })).status).toBe(400);
    expect((await create(editor.cookie, { headline: "not a field" })).status).toBe(400);
    expect((await create(editor.cookie, { fromStoryIds: ["no-such-story"] })).status).toBe(404);
    const after = (await (await fetch(`${server.url}/api/stories?limit=500`, { headers: { cookie: viewer } })).json()) as StoryPage;
    expect(after.stories.length).toBe(before.stories.length);
  });

  it("from three takes: their text in the order given, hostile HTML removed, all three credited when published", async () => {
    const ap = await ingestTake("AP", "Quake hits coast <img src=x onerror=alert(1)>", '<p>First take from AP.</p><script>alert("ap")</script><p onclick="steal()">Second <a href="javascript:alert(1)">paragraph</a>.</p>');
    const reuters = await ingestTake("Reuters", "Rescue teams arrive", "<p>Reuters take text.</p><iframe src=\"https://evil.example\"></iframe>");
    const afp = await ingestTake("AFP", "Aftershocks expected", "<p>AFP take text.</p>");
    const response = await create(editor.cookie, { fromStoryIds: [ap, reuters, afp] });
    expect(response.status).toBe(201);
    const story = (await response.json()) as StoryDetail;
    expect(story.sources).toEqual([
      { id: ap, agency: "AP", headline: "Quake hits coast <img src=x onerror=alert(1)>" },
      { id: reuters, agency: "Reuters", headline: "Rescue teams arrive" },
      { id: afp, agency: "AFP", headline: "Aftershocks expected" },
    ]);
    const body = story.bodyHtml;
    expect(body.indexOf("First take from AP.")).toBeLessThan(body.indexOf("Reuters take text."));
    expect(body.indexOf("Reuters take text.")).toBeLessThan(body.indexOf("AFP take text."));
    expect(body).toContain("<h2>Rescue teams arrive</h2>");
    expect(body).toContain("&lt;img src=x onerror=alert(1)&gt;");
    for (const hostile of ["<script", "onclick", "javascript:", "<iframe", "<img", "alert(\"ap\")"]) expect(body).not.toContain(hostile);

    // The co-edited copy starts from that text; the editor writes a headline and it is searchable.
    const client = await joinStory(server, editor.cookie, story.id);
    expect(client.provider.doc.getXmlFragment("body").toJSON()).toContain("Reuters take text.");
    client.provider.doc.getText("headline").insert(0, "Quake: rescue under way");
    await eventually(async () => expect((await getStory(story.id)).headline).toBe("Quake: rescue under way"));
    client.close();
    // Its history compares the copy with the text it started from (there is no agency original).
    const diff = (await (await fetch(`${server.url}/api/stories/${story.id}/desk-diff?from=agency`, { headers: { cookie: viewer } })).json()) as { headline: { op: string; text: string }[] };
    expect(diff.headline.filter((part) => part.op === "insert").map((part) => part.text).join("")).toContain("Quake");
    const found = (await (await fetch(`${server.url}/api/stories?q=${encodeURIComponent("rescue under way")}`, { headers: { cookie: viewer } })).json()) as StoryPage;
    expect(found.stories.map((s) => s.id)).toContain(story.id);

    const history = (await (await fetch(`${server.url}/api/stories/${story.id}/history`, { headers: { cookie: viewer } })).json()) as { entries: { action: string; actorId: string; to: string; detail: unknown }[] };
    expect(history.entries[0]).toMatchObject({ action: "create", actorId: editor.userId, to: "in_progress", detail: { fromStoryIds: [ap, reuters, afp] } });
    await walk(server, editor.cookie, story.id, ["submit"]);
    await walk(server, chief, story.id, ["approve", "publish"]);
    const ninjs = (await (await fetch(`${server.url}/api/v1/published/${story.id}`)).json()) as { infosources?: { name: string }[]; copyrightnotice?: string };
    expect(ninjs.infosources?.[0]?.name).toBe("AP, Reuters, AFP");
    const page = await (await fetch(`${server.url}/api/v1/published/${story.id}/newsml`)).text();
    expect(page).toContain("<creditline>AP, Reuters, AFP</creditline>");
  });

  it("from an untitled desk story and a wire take: the untitled one brings its text without a subhead and is credited as untitled", async () => {
    const blank = (await (await create(editor.cookie)).json()) as StoryDetail;
    // Its writer types a paragraph and never a headline.
    const writer = await joinStory(server, editor.cookie, blank.id);
    writer.provider.doc.transact(() => {
      const text = new Y.XmlText();
      (writer.provider.doc.getXmlFragment("body").get(0) as Y.XmlElement).insert(0, [text]);
      text.insert(0, "Notes from the desk.");
    });
    await eventually(async () => expect((await getStory(blank.id)).bodyHtml).toContain("Notes from the desk."));
    writer.close();
    const ap = await ingestTake("AP", "Bridge reopens", "<p>AP take text.</p>");

    const response = await create(editor.cookie, { fromStoryIds: [blank.id, ap] });
    expect(response.status).toBe(201);
    const story = (await response.json()) as StoryDetail;
    expect(story.bodyHtml).toContain("Notes from the desk.");
    expect(story.bodyHtml).toContain("<h2>Bridge reopens</h2>");
    expect(story.bodyHtml).not.toMatch(/<h2>\s*<\/h2>/);
    expect(story.bodyHtml.indexOf("Notes from the desk.")).toBeLessThan(story.bodyHtml.indexOf("AP take text."));
    // The sources keep the take as it was; its credit names it rather than a dash before nothing.
    expect(story.sources).toEqual([
      { id: blank.id, agency: null, headline: "" },
      { id: ap, agency: "AP", headline: "Bridge reopens" },
    ]);
    expect(story.sources.map(takeCredit)).toEqual([
      { source: "Desk", headline: null },
      { source: "AP", headline: "Bridge reopens" },
    ]);
  });
});
