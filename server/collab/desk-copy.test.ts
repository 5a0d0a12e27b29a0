import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DeskDiff, DeskVersionList } from "../contract/desk-copy";
import type { StoryDetail } from "../contract/story";
import type { StoryHistoryEntry } from "../contract/workflow";
import { collabClients, eventually, type CollabClient } from "../testing/collab-client";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";
import { runWorkflowAction } from "../stories/workflow-service";

let server: TestServer | null = null;
const join = collabClients(async () => {
  await server?.stop();
  server = null;
});

async function ingest(s: TestServer, uri: string, version: number, headline: string, body: string): Promise<string> {
  const answer = (await (await s.ingest(ninjsStory({ uri, version, headline, body }))).json()) as { stories: { id: string }[] };
  return answer.stories[0]!.id;
}

async function get<T>(s: TestServer, cookie: string, path: string): Promise<T> {
  const response = await fetch(`${s.url}${path}`, { headers: { cookie } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function post(s: TestServer, cookie: string, path: string): Promise<Response> {
  return fetch(`${s.url}${path}`, { method: "POST", headers: { cookie, origin: s.url, "content-type": "application/json" }, body: "{}" });
}


/** The plain text of each paragraph of a client's body. */
const paragraphs = (client: CollabClient) =>
  client.provider.doc
    .getXmlFragment("body")
    .toArray()
    .map((node) => (node as Y.XmlElement).toArray().map((child) => (child instanceof Y.XmlText ? child.toJSON() : "")).join(""));

describe("the desk copy's history and agency updates", () => {
  it("brings in an agency update without the agency's version marker (UPDATE 1-)", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const uri = `urn:test:agency-marker:${Date.now()}`;
    const id = await ingest(server, uri, 1, "Floods close roads", "<p>Roads are shut.</p>");
    const client = await join(server, editor.cookie, id);
    await ingest(server, uri, 2, "UPDATE 1-Floods close roads and schools", "<p>Roads are shut.</p>");
    expect((await post(server, editor.cookie, `/api/stories/${id}/agency-update/bring-in`)).status).toBe(200);
    await eventually(() => expect(client.headline()).toBe("Floods close roads and schools"));
    await eventually(async () => expect((await get<StoryDetail>(server!, editor.cookie, `/api/stories/${id}`)).headline).toBe("Floods close roads and schools"), 3000);
    // The agency's own version keeps its marker in history.
    const diff = await get<{ headline: { op: string; text: string }[] }>(server, editor.cookie, `/api/stories/${id}/diff?from=1&to=2`);
    expect(diff.headline.map((op) => op.text).join("")).toContain("UPDATE 1-");
  });

  it("keeps the desk copy when the agency sends a new version, then merges the agency's changes on request", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const uri = `urn:test:agency-update:${Date.now()}`;
    const id = await ingest(server, uri, 1, "Storm hits coast", "<p>First paragraph.</p><p>Second paragraph.</p>");
    const client = await join(server, editor.cookie, id);
    const doc = client.provider.doc;
    doc.getText("headline").insert(0, "BREAKING: ");
    const first = (doc.getXmlFragment("body").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    first.insert("First paragraph".length, " as edited by the desk");
    await client.provider.whenIdle();
    await eventually(async () => expect((await get<StoryDetail>(server!, editor.cookie, `/api/stories/${id}`)).headline).toBe("BREAKING: Storm hits coast"), 3000);

    await ingest(server, uri, 2, "Storm hits north coast", "<p>First paragraph.</p><p>Second paragraph, updated.</p><p>Third paragraph.</p>");
    const flagged = await get<StoryDetail>(server, editor.cookie, `/api/stories/${id}`);
    // The desk copy stays the desk's; the new version is kept in history and flagged.
    expect(flagged).toMatchObject({ headline: "BREAKING: Storm hits coast", agencyVersion: 2, agencyUpdateVersion: 2 });
    expect(flagged.bodyHtml).toContain("as edited by the desk");
    expect(flagged.bodyHtml).not.toContain("Third paragraph");
    // The agency's two versions keep their own text: their diff is the agency's change alone.
    const agencyDiff = await get<{ headline: { op: string; text: string }[]; body: { op: string; text: string }[] }>(server, editor.cookie, `/api/stories/${id}/diff?from=1&to=2`);
    expect(agencyDiff.headline.filter((op) => op.op === "insert").map((op) => op.text.trim())).toEqual(["north"]);
    expect(agencyDiff.body.filter((op) => op.op !== "equal").map((op) => op.text).join(" ")).not.toContain("desk");
    expect(client.headline()).toBe("BREAKING: Storm hits coast");

    expect((await post(server, editor.cookie, `/api/stories/${id}/agency-update/bring-in`)).status).toBe(200);
    // Both sides' changes are there, in the open editor at once and in the story row.
    await eventually(() => expect(client.headline()).toBe("BREAKING: Storm hits north coast"));
    expect(paragraphs(client)).toEqual(["First paragraph as edited by the desk.", "Second paragraph, updated.", "Third paragraph."]);
    const merged = await get<StoryDetail>(server, editor.cookie, `/api/stories/${id}`);
    expect(merged).toMatchObject({ headline: "BREAKING: Storm hits north coast", agencyUpdateVersion: null });
    expect(merged.bodyHtml).toBe("<p>First paragraph as edited by the desk.</p>\n<p>Second paragraph, updated.</p>\n<p>Third paragraph.</p>");
    // Nothing left to bring in.
    expect((await post(server, editor.cookie, `/api/stories/${id}/agency-update/bring-in`)).status).toBe(409);

    const history = await get<DeskVersionList>(server, editor.cookie, `/api/stories/${id}/desk-versions`);
    expect(history.baseAgencyVersion).toBe(2);
    expect(history.versions.map((v) => v.reason)).toEqual(["take", "editing", "agency update"]);
    expect(history.versions[1]!.contributors.map((c) => c.id)).toEqual([editor.userId]);
    expect(history.versions[1]!.contributors[0]!.name).toMatch(/^editor /);
    // Against the agency's original (version 1, not the version brought in), the agency's later changes show too.
    const original = await get<{ headline: { op: string; text: string }[]; body: { op: string; text: string }[] }>(server, editor.cookie, `/api/stories/${id}/desk-diff?from=agency&to=current`);
    expect(original.headline.filter((op) => op.op === "insert").map((op) => op.text.trim())).toEqual(["BREAKING:", "north"]);
    expect(original.body.filter((op) => op.op === "insert").map((op) => op.text.trim())).toEqual(["as edited by the desk", "paragraph, updated.\n\nThird"]);
  });

  it("restores a kept version as a new change that an open editor follows, and compares versions word by word", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const id = await ingest(server, `urn:test:restore:${Date.now()}`, 1, "Quake rattles city", "<p>Buildings shook.</p>");
    const one = await join(server, editor.cookie, id);
    const other = await server.signIn("editor");
    const two = await join(server, other.cookie, id);
    const headline = one.provider.doc.getText("headline");
    headline.delete(0, headline.length);
    headline.insert(0, "Rewritten headline");
    await one.provider.whenIdle();
    await eventually(() => expect(two.headline()).toBe("Rewritten headline"));
    // The other editor writes an abstract: the comparison shows it, since a restore would take it out.
    two.provider.doc.getText("abstract").insert(0, "Aftershocks expected.");
    await two.provider.whenIdle();

    const listed = await get<DeskVersionList>(server, editor.cookie, `/api/stories/${id}/desk-versions`);
    const taken = listed.versions.find((v) => v.reason === "take")!;
    expect(taken.headline).toBe("Quake rattles city");
    const diff = await get<DeskDiff>(server, editor.cookie, `/api/stories/${id}/desk-diff?from=${taken.id}&to=current`);
    await eventually(async () => {
      const now = await get<DeskDiff>(server!, editor.cookie, `/api/stories/${id}/desk-diff?from=${taken.id}&to=current`);
      expect(now.headline.filter((op) => op.op === "insert").map((op) => op.text).join("")).toContain("Rewritten");
      expect(now.abstract).toEqual([{ op: "insert", text: "Aftershocks expected." }]);
    }, 3000);
    expect(diff.slugline.every((op) => op.text === "")).toBe(true);
    expect(diff.body.every((op) => op.op === "equal")).toBe(true);
    const againstAgency = await get<DeskDiff>(server, editor.cookie, `/api/stories/${id}/desk-diff?from=agency`);
    expect(againstAgency.headline.some((op) => op.op === "delete" && op.text.includes("Quake"))).toBe(true);

    const viewer = await server.signIn("viewer");
    expect((await post(server, viewer.cookie, `/api/stories/${id}/desk-versions/${taken.id}/restore`)).status).toBe(403);
    expect((await post(server, editor.cookie, `/api/stories/${id}/desk-versions/999999/restore`)).status).toBe(404);
    expect((await post(server, editor.cookie, `/api/stories/${id}/desk-versions/${taken.id}/restore`)).status).toBe(200);
    // The other open editor follows the restore live; the story row has it too.
    await eventually(() => expect(two.headline()).toBe("Quake rattles city"));
    expect(one.headline()).toBe("Quake rattles city");
    expect(two.provider.doc.getText("abstract").toJSON()).toBe("");
    expect((await get<StoryDetail>(server, editor.cookie, `/api/stories/${id}`)).headline).toBe("Quake rattles city");
    const after = await get<DeskVersionList>(server, editor.cookie, `/api/stories/${id}/desk-versions`);
    expect(after.versions.map((v) => v.reason).slice(-2)).toEqual(["editing", "restore"]);
    expect(after.versions.at(-2)!.headline).toBe("Rewritten headline");
  });

  it("starts the copy of a story taken before anyone opened it from the version the desk took", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const uri = `urn:test:taken-first:${Date.now()}`;
    const id = await ingest(server, uri, 1, "Fire spreads", "<p>Crews respond.</p>");
    await walk(server, editor.cookie, id, ["take"]);
    await ingest(server, uri, 2, "Fire spreads east", "<p>Crews respond.</p><p>Roads shut.</p>");
    const client = await join(server, editor.cookie, id);
    expect(client.headline()).toBe("Fire spreads");
    expect((await get<DeskVersionList>(server, editor.cookie, `/api/stories/${id}/desk-versions`)).baseAgencyVersion).toBe(1);
    expect((await post(server, editor.cookie, `/api/stories/${id}/agency-update/bring-in`)).status).toBe(200);
    await eventually(() => expect(client.headline()).toBe("Fire spreads east"));
    expect(paragraphs(client)).toEqual(["Crews respond.", "Roads shut."]);
  });

  it("a restore into a submitted story returns it to in progress before the text changes", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const chief = await server.signIn("chief");
    const id = await ingest(server, `urn:test:restore-submitted:${Date.now()}`, 1, "Dam holds", "<p>Water rises.</p>");
    const client = await join(server, editor.cookie, id); // takes it
    const headline = client.provider.doc.getText("headline");
    headline.insert(headline.length, " for now");
    await client.provider.whenIdle();
    await walk(server, editor.cookie, id, ["submit"]);
    const { versions } = await get<DeskVersionList>(server, editor.cookie, `/api/stories/${id}/desk-versions`);
    const taken = versions.find((v) => v.reason === "take")!;

    // Twenty restores at once: one return to in progress, and the chief's queue never holds changed text as submitted.
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(server!, editor.cookie, `/api/stories/${id}/desk-versions/${taken.id}/restore`)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(await get<StoryDetail>(server, chief.cookie, `/api/stories/${id}`)).toMatchObject({ state: "in_progress", headline: "Dam holds" });
    const { entries } = await get<{ entries: StoryHistoryEntry[] }>(server, chief.cookie, `/api/stories/${id}/history`);
    expect(entries.filter((e) => e.action === "reopen")).toEqual([expect.objectContaining({ from: "submitted", to: "in_progress", actorId: editor.userId })]);
    await eventually(() => expect(client.provider.notice).toBe("Editing returned this story from submitted to in progress."));
    const after = await get<DeskVersionList>(server, editor.cookie, `/api/stories/${id}/desk-versions`);
    expect(after.versions.map((v) => [v.reason, v.state, v.headline]).slice(-2)).toEqual([
      ["reopen", "in_progress", "Dam holds for now"],
      ["restore", "in_progress", "Dam holds"],
    ]);
  });

  it("opens a submitted story as it is and returns it to in progress at the first change, in the workflow history", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const id = await ingest(server, `urn:test:reopen:${Date.now()}`, 1, "Handed on", "<p>Ready.</p>");
    await walk(server, editor.cookie, id, ["take", "submit"]);
    const history = async () => (await get<{ entries: StoryHistoryEntry[] }>(server!, editor.cookie, `/api/stories/${id}/history`)).entries;
    const steps = (await history()).length;
    // Opening the editor (an `e` pressed by mistake, say) leaves it in the chief's queue; the pane says what a change would do.
    const client = await join(server, editor.cookie, id);
    expect(client.provider.storyState).toBe("submitted");
    expect(client.provider.notice).toBe("This story is submitted: a change made here returns it to in progress.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get<StoryDetail>(server, editor.cookie, `/api/stories/${id}`)).state).toBe("submitted");
    expect(await history()).toHaveLength(steps);

    const headline = client.provider.doc.getText("headline");
    headline.insert(headline.length, " today");
    await client.provider.whenIdle();
    // The one who typed is told too, not only the others in the story.
    await eventually(() => expect(client.provider.storyState).toBe("in_progress"));
    expect(client.provider.notice).toBe("Editing returned this story from submitted to in progress.");
    expect((await history()).at(-1)).toMatchObject({ action: "reopen", from: "submitted", to: "in_progress", actorId: editor.userId });
  });

  it("knows a story handed on while its document was loading: the first change still returns it to in progress", async () => {
    server = await startTestServer();
    const editor = await server.signIn("editor");
    const id = await ingest(server, `urn:test:handed-on-loading:${Date.now()}`, 1, "Port reopens", "<p>Ships wait.</p>");
    await walk(server, editor.cookie, id, ["take"]);
    const { collab, ctx } = server.desk;
    // A join that read the story in progress, and a submit made while the document loads (its event lands then).
    const joining = collab.join("socket-a", editor.userId, id, true, undefined, "in_progress");
    const submitted = runWorkflowAction(ctx, id, "submit", { userId: editor.userId, role: "editor" });
    await Promise.all([joining, submitted]);
    const typed = new Y.Doc();
    const open = (await collab.open(id))!;
    Y.applyUpdate(typed, Y.encodeStateAsUpdate(open.doc));
    const before = Y.encodeStateVector(typed);
    typed.getText("headline").insert(typed.getText("headline").length, " at dawn");
    expect(await collab.update("socket-a", id, Y.encodeStateAsUpdate(typed, before))).toEqual({ ok: true });
    await eventually(async () => expect((await get<StoryDetail>(server!, editor.cookie, `/api/stories/${id}`)).state).toBe("in_progress"));
    const { entries } = await get<{ entries: StoryHistoryEntry[] }>(server, editor.cookie, `/api/stories/${id}/history`);
    expect(entries.at(-1)).toMatchObject({ action: "reopen", from: "submitted", to: "in_progress" });
    await collab.leave("socket-a", id);
  });

  it("tells everyone in a story that it was handed on, and returns it to in progress at the next change, once", async () => {
    server = await startTestServer();
    const editors = [await server.signIn("editor"), await server.signIn("editor"), await server.signIn("editor"), await server.signIn("editor")];
    const [a, b] = editors as [(typeof editors)[0], (typeof editors)[0]];
    const chief = await server.signIn("chief");
    const id = await ingest(server, `urn:test:handed-on:${Date.now()}`, 1, "Bridge closed", "<p>Traffic diverted.</p>");
    const clients: CollabClient[] = [];
    for (const editor of editors) clients.push(await join(server, editor.cookie, id)); // the first takes it
    const [one, two] = clients as [CollabClient, CollabClient];
    await walk(server, a.cookie, id, ["submit"]);
    // B, still in the story, is told: a change made now is not a quiet change of submitted text.
    await eventually(() => expect(two.provider.storyState).toBe("submitted"));
    expect(two.provider.notice).toBe("This story is now submitted: a change made here returns it to in progress.");
    const headline = two.provider.doc.getText("headline");
    headline.insert(headline.length, " after floods");
    await two.provider.whenIdle();
    await eventually(async () => expect((await get<StoryDetail>(server!, chief.cookie, `/api/stories/${id}`)).state).toBe("in_progress"));
    await eventually(() => expect(one.provider.notice).toBe("Editing returned this story from submitted to in progress."));
    const history = async () => (await get<{ entries: StoryHistoryEntry[] }>(server!, chief.cookie, `/api/stories/${id}/history`)).entries;
    expect((await history()).at(-1)).toMatchObject({ action: "reopen", from: "submitted", to: "in_progress", actorId: b.userId });

    // Approved, then four editors type twenty changes at the same moment: one return to in progress.
    await walk(server, a.cookie, id, ["submit"]);
    await walk(server, chief.cookie, id, ["approve"]);
    await eventually(() => expect(clients.every((c) => c.provider.storyState === "approved")).toBe(true));
    const before = (await history()).length;
    for (const client of clients) {
      const text = client.provider.doc.getText("headline");
      for (let i = 0; i < 5; i++) text.insert(text.length, String(i));
    }
    await Promise.all(clients.map((c) => c.provider.whenIdle()));
    await eventually(async () => expect((await get<StoryDetail>(server!, chief.cookie, `/api/stories/${id}`)).state).toBe("in_progress"));
    const after = (await history()).slice(before);
    expect(after.filter((entry) => entry.action === "reopen")).toEqual([expect.objectContaining({ from: "approved", to: "in_progress" })]);
    expect(clients.map((c) => c.provider.storyState)).toEqual(["in_progress", "in_progress", "in_progress", "in_progress"]);
  });

  it("a field save on a story handed on returns it to in progress in the same write, once in a burst, and says so", async () => {
    server = await startTestServer();
    const [a, b, chief] = [await server.signIn("editor"), await server.signIn("editor"), await server.signIn("chief")];
    const id = await ingest(server, `urn:test:fields-reopen:${Date.now()}`, 1, "Storm nears", "<p>Winds rise.</p>");
    const watching = await join(server, a.cookie, id); // A takes it
    const patch = (cookie: string, body: Record<string, unknown>) => fetch(`${server!.url}/api/stories/${id}`, { method: "PATCH", headers: { cookie, origin: server!.url, "content-type": "application/json" }, body: JSON.stringify(body) });
    const history = async () => (await get<{ entries: StoryHistoryEntry[] }>(server!, chief.cookie, `/api/stories/${id}/history`)).entries;

    const submitted = await walk(server, a.cookie, id, ["submit"]);
    await eventually(() => expect(watching.provider.storyState).toBe("submitted"));
    const saved = await patch(b.cookie, { rev: submitted.rev, urgency: 2 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ state: "in_progress", urgency: 2, rev: submitted.rev + 1 });
    await eventually(() => expect(watching.provider.notice).toBe("Editing returned this story from submitted to in progress."));
    expect((await history()).at(-1)).toMatchObject({ action: "reopen", from: "submitted", to: "in_progress", actorId: b.userId });

    // A stale rev on an approved story changes nothing: 409 with the story as it is, still approved.
    await walk(server, a.cookie, id, ["submit"]);
    const approved = await walk(server, chief.cookie, id, ["approve"]);
    const stale = await patch(b.cookie, { rev: approved.rev - 1, urgency: 7 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { story: StoryDetail }).story).toMatchObject({ state: "approved", urgency: 2 });

    // Twenty saves at once with the rev they saw: one is written with its return to in progress, the rest are told.
    const before = (await history()).length;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => patch(i % 2 ? a.cookie : b.cookie, { rev: approved.rev, urgency: (i % 9) + 1 })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
    const now = await get<StoryDetail>(server, chief.cookie, `/api/stories/${id}`);
    expect(now).toMatchObject({ state: "in_progress", rev: approved.rev + 1 });
    expect((await history()).slice(before).map((entry) => [entry.action, entry.from, entry.to])).toEqual([["reopen", "approved", "in_progress"]]);
  });
});
