import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { DeskVersionList } from "../contract/desk-copy";
import type { StoryDetail } from "../contract/story";
import type { StoryHistoryEntry } from "../contract/workflow";
import { runWorkflowAction } from "../stories/workflow-service";
import { collabClients, eventually } from "../testing/collab-client";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";

let server: TestServer | null = null;
const join = collabClients(async () => undefined);
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function get<T>(s: TestServer, cookie: string, path: string): Promise<T> {
  const response = await fetch(`${s.url}${path}`, { headers: { cookie } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/**
 * A story taken by `cookie`'s editor, " for now" added to its headline (and `deleted` typed after it and
 * taken out again), then submitted: answers its id, its `take` version and the editor's client.
 */
async function submittedAfterEditing(s: TestServer, cookie: string, uri: string, deleted = "") {
  const answer = (await (await s.ingest(ninjsStory({ uri, version: 1, headline: "Dam holds", body: "<p>Water rises.</p>" }))).json()) as { stories: { id: string }[] };
  const id = answer.stories[0]!.id;
  const client = await join(s, cookie, id); // takes it
  const headline = client.provider.doc.getText("headline");
  headline.insert(headline.length, ` for now${deleted}`);
  if (deleted) headline.delete(headline.length - deleted.length, deleted.length);
  await client.provider.whenIdle();
  await walk(s, cookie, id, ["submit"]);
  const { versions } = await get<DeskVersionList>(s, cookie, `/api/stories/${id}/desk-versions`);
  return { id, taken: versions.find((v) => v.reason === "take")!, client };
}

const restore = (s: TestServer, cookie: string, id: string, versionId: number) =>
  fetch(`${s.url}/api/stories/${id}/desk-versions/${versionId}/restore`, { method: "POST", headers: { cookie, origin: s.url, "content-type": "application/json" }, body: "{}" });

describe("server-made changes to a story handed on", () => {
  it("a submit that lands while a restore is written back is returned to in progress too", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const { id, taken } = await submittedAfterEditing(server, editor.cookie, `urn:test:handed-on-race:${Date.now()}`);
    const { ctx } = server.desk;
    // The moment the restore has returned the story to in progress, the editor submits it again (with the
    // row's text from before the restore, which is not written back yet).
    const submits: Promise<unknown>[] = [];
    const stop = ctx.publisher.onStories((changed) => {
      if (submits.length > 0 || !changed.some((c) => c.story.id === id && c.story.state === "in_progress")) return;
      submits.push(runWorkflowAction(ctx, id, "submit", { userId: editor.userId, role: "editor" }));
    });
    try {
      expect((await restore(server, editor.cookie, id, taken.id)).status).toBe(200);
    } finally {
      stop();
    }
    await Promise.all(submits);
    expect(submits).toHaveLength(1);
    const { entries } = await get<{ entries: StoryHistoryEntry[] }>(server, editor.cookie, `/api/stories/${id}/history`);
    expect(entries.slice(-3).map((e) => [e.action, e.from, e.to])).toEqual([
      ["reopen", "submitted", "in_progress"],
      ["submit", "in_progress", "submitted"],
      ["reopen", "submitted", "in_progress"],
    ]);
    // The chief's queue never holds the restored text as submitted.
    expect(await get<StoryDetail>(server, editor.cookie, `/api/stories/${id}`)).toMatchObject({ state: "in_progress", headline: "Dam holds" });
  });

  it("an editor who only opens a submitted story whose text had deletions changes nothing", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const other = await server.signIn("editor");
    const { id } = await submittedAfterEditing(server, editor.cookie, `urn:test:handed-on-deletions:${Date.now()}`, " for now");
    const history = async () => (await get<{ entries: StoryHistoryEntry[] }>(server!, editor.cookie, `/api/stories/${id}/history`)).entries;
    const steps = (await history()).length;
    // Joining sends back what the server lacks: no text, but every deletion the document holds. The server
    // has them all, so opening the story must not count as a change (it returned the story to in progress).
    const opened = await join(server, other.cookie, id);
    await opened.provider.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await get<StoryDetail>(server, editor.cookie, `/api/stories/${id}`)).state).toBe("submitted");
    expect(await history()).toHaveLength(steps);
    // A deletion the server does not have is still a change.
    const headline = opened.provider.doc.getText("headline");
    headline.delete(headline.length - 4, 4);
    await opened.provider.whenIdle();
    await eventually(async () => expect(await get<StoryDetail>(server!, editor.cookie, `/api/stories/${id}`)).toMatchObject({ state: "in_progress", headline: "Dam holds for" }));
  });

  it("a restore whose return to in progress fails for another reason changes nothing and says so", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const { id, taken, client } = await submittedAfterEditing(server, editor.cookie, `urn:test:handed-on-failure:${Date.now()}`);
    // A real failure inside the reopen's transaction (as a full disk would make), not a refusal of the workflow.
    const admin = new Database(server.dbFile);
    admin.exec("create trigger refuse_reopen before insert on story_history when new.action = 'reopen' begin select raise(abort, 'disk I/O error'); end");
    admin.close();

    const answer = await restore(server, editor.cookie, id, taken.id);
    expect(answer.status).toBe(500);
    expect(await get<StoryDetail>(server, editor.cookie, `/api/stories/${id}`)).toMatchObject({ state: "submitted", headline: "Dam holds for now" });
    expect(client.headline()).toBe("Dam holds for now");
    const { versions } = await get<DeskVersionList>(server, editor.cookie, `/api/stories/${id}/desk-versions`);
    expect(versions.some((v) => v.reason === "restore")).toBe(false);
  });
});
