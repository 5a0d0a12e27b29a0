import { describe, expect, it } from "vitest";
import type { DeskVersion, DeskVersionList } from "../contract/desk-copy";
import { collabClients, eventually, type CollabClient } from "../testing/collab-client";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { act, ACTION_EXTRAS, walk } from "../testing/workflow-helpers";

let server: TestServer | null = null;
const join = collabClients(async () => {
  await server?.stop();
  server = null;
});

async function ingest(s: TestServer, headline: string): Promise<string> {
  const answer = (await (await s.ingest(ninjsStory({ headline, body: "<p>Crews respond.</p>" }))).json()) as { stories: { id: string }[] };
  return answer.stories[0]!.id;
}

async function versions(s: TestServer, cookie: string, id: string): Promise<DeskVersion[]> {
  const response = await fetch(`${s.url}/api/stories/${id}/desk-versions`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as DeskVersionList).versions;
}


/** Types at the end of the headline and waits until the server acknowledged it. */
async function type(client: CollabClient, text: string): Promise<void> {
  const headline = client.provider.doc.getText("headline");
  headline.insert(headline.length, text);
  await client.provider.whenIdle();
}

const summary = (list: DeskVersion[]) => list.map((v) => ({ reason: v.reason, actor: v.actor?.id ?? null, state: v.state, contributors: v.contributors.map((c) => c.id) }));

describe("desk versions at every workflow step and every few minutes of editing", () => {
  it("keeps a version at each step, by whom, crediting who edited since the version before", async () => {
    server = await startTestServer();
    const [a, b, chief] = [await server.signIn("editor"), await server.signIn("editor"), await server.signIn("chief")];
    const id = await ingest(server, "Fire spreads");
    const one = await join(server, a.cookie, id); // takes it
    const two = await join(server, b.cookie, id);
    await type(one, " east");
    await type(two, " fast");
    // Submitted at once: the step's version has the text typed a moment ago (written back first).
    await walk(server, a.cookie, id, ["submit"]);
    const submitted = (await versions(server, a.cookie, id)).at(-1)!;
    expect(submitted).toMatchObject({ reason: "submit", headline: "Fire spreads east fast", actor: { id: a.userId, name: expect.stringMatching(/^editor /) as unknown } });
    expect(submitted.contributors.map((c) => c.id).sort()).toEqual([a.userId, b.userId].sort());
    await type(two, "!"); // a change typed into a submitted story reopens it
    await eventually(() => expect(two.provider.storyState).toBe("in_progress"));
    await walk(server, a.cookie, id, ["submit"]);
    await walk(server, chief.cookie, id, ["approve", ["schedule", ACTION_EXTRAS.schedule!], "publish", ["correct", ACTION_EXTRAS.correct!], ["kill", ACTION_EXTRAS.kill!]]);

    expect(summary(await versions(server, a.cookie, id))).toEqual([
      { reason: "take", actor: a.userId, state: "in_progress", contributors: [] },
      { reason: "submit", actor: a.userId, state: "submitted", contributors: expect.arrayContaining([a.userId, b.userId]) as unknown },
      { reason: "reopen", actor: b.userId, state: "in_progress", contributors: [b.userId] }, // with the change that reopened it
      { reason: "submit", actor: a.userId, state: "submitted", contributors: [] },
      { reason: "approve", actor: chief.userId, state: "approved", contributors: [] },
      { reason: "schedule", actor: chief.userId, state: "scheduled", contributors: [] },
      { reason: "publish", actor: chief.userId, state: "published", contributors: [] },
      { reason: "correct", actor: chief.userId, state: "corrected", contributors: [] },
      { reason: "kill", actor: chief.userId, state: "killed", contributors: [] },
    ]);

    // Over HTTP only: take, release, take, spike, unspike are versions too; copy nobody took keeps none.
    const other = await ingest(server, "Bridge closed");
    await walk(server, a.cookie, other, ["take", "release", "take", "spike", "unspike"]);
    expect(summary(await versions(server, a.cookie, other)).map((v) => [v.reason, v.state])).toEqual([
      ["take", "in_progress"],
      ["release", "incoming"],
      ["take", "in_progress"],
      ["spike", "spiked"],
      ["unspike", "in_progress"],
    ]);
    const untouched = await ingest(server, "Nobody wants this");
    await walk(server, a.cookie, untouched, ["spike", "unspike"]);
    expect(await versions(server, a.cookie, untouched)).toEqual([]);
  });

  it("keeps a version once editing has gone on for the set time, and none when nothing changed", async () => {
    server = await startTestServer({ env: { WIREDESK_COLLAB_VERSION_SECONDS: "1" } });
    const [a, b] = [await server.signIn("editor"), await server.signIn("editor")];
    const id = await ingest(server, "Storm nears");
    const one = await join(server, a.cookie, id);
    const two = await join(server, b.cookie, id);
    await type(one, " coast");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await type(two, " tonight");
    await eventually(async () => expect((await versions(server!, a.cookie, id)).map((v) => v.reason)).toEqual(["take", "editing"]), 5000);
    const editing = (await versions(server, a.cookie, id))[1]!;
    expect(editing.headline).toBe("Storm nears coast tonight");
    expect(editing.actor).toBeNull();
    expect(editing.contributors.map((c) => c.id).sort()).toEqual([a.userId, b.userId].sort());

    // Typed and taken back: the text is the last version's, so a minute of that keeps nothing.
    await type(one, "!");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const headline = one.provider.doc.getText("headline");
    headline.delete(headline.length - 1, 1);
    await one.provider.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the write-back (and its version check) ran
    expect((await versions(server, a.cookie, id)).map((v) => v.reason)).toEqual(["take", "editing"]);
  });

  it("keeps one version per state when twenty requests come at once", async () => {
    server = await startTestServer();
    const [a, chief] = [await server.signIn("editor"), await server.signIn("chief")];
    const id = await ingest(server, "Quake rattles city");
    // Twenty editors' windows open the same incoming story at the same moment: one takes it, the others join.
    const editors = [a, await server.signIn("editor")];
    const joined = await Promise.all(Array.from({ length: 20 }, (_, i) => join(server!, editors[i % 2]!.cookie, id)));
    let list = await versions(server, a.cookie, id);
    expect(list.map((v) => v.reason)).toEqual(["take"]);

    await type(joined[0]!, " again");
    const restores = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${server!.url}/api/stories/${id}/desk-versions/${list[0]!.id}/restore`, { method: "POST", headers: { cookie: a.cookie, origin: server!.url, "content-type": "application/json" }, body: "{}" })),
    );
    expect(restores.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    await eventually(() => expect(joined[5]!.headline()).toBe("Quake rattles city"));
    list = await versions(server, a.cookie, id);
    expect(list.map((v) => v.reason)).toEqual(["take", "editing", "restore"]);

    const holder = list[0]!.actor!.id;
    const holderCookie = editors.find((e) => e.userId === holder)!.cookie;
    const submits = await Promise.all(Array.from({ length: 20 }, () => act(server!, holderCookie, id, "submit")));
    expect(submits.filter((s) => s.status === 200)).toHaveLength(1);
    await walk(server, chief.cookie, id, ["approve"]);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const schedules = await Promise.all(Array.from({ length: 20 }, () => act(server!, chief.cookie, id, "schedule", { at })));
    expect(schedules.every((s) => s.status === 200)).toBe(true);
    expect((await versions(server, a.cookie, id)).map((v) => v.reason)).toEqual(["take", "editing", "restore", "submit", "approve", "schedule"]);
  }, 60_000);
});
