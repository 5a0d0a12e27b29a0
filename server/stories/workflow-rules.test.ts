import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";
import { act, walk } from "../testing/workflow-helpers";

let server: TestServer;
let editor: { cookie: string; userId: string };
let other: { cookie: string; userId: string };
let chief: { cookie: string; userId: string };

async function seed(overrides: Parameters<typeof seedStories>[1][number] = {}): Promise<string> {
  const [id] = await seedStories(server.desk.ctx, [{ headline: "Council votes on budget", bodyText: "The council voted.", bodyHtml: "<p>The council voted.</p>", ...overrides }]);
  return id!;
}

beforeAll(async () => {
  server = await startTestServer();
  editor = await server.signIn("editor");
  other = await server.signIn("editor");
  chief = await server.signIn("chief");
});
afterAll(async () => server.stop());

describe("workflow rules", () => {
  it("unspike returns the state before the spike, and a taken story stays taken by the same person", async () => {
    const id = await seed();
    await walk(server, editor.cookie, id, ["take", "spike"]);
    const taken = (await server.desk.ctx.store.stories.getStory(id))!;
    const back = await walk(server, editor.cookie, id, ["unspike"]);
    expect(back.state).toBe("in_progress");
    expect(back.takenBy).toBe(editor.userId);
    expect(back.takenAt).toBe(taken.takenAt); // still the time of the take, not of the unspike
    expect(back.takenByName).toBe(taken.takenByName);
    const submitted = await seed();
    await walk(server, editor.cookie, submitted, ["take", "submit", "spike"]);
    expect((await walk(server, editor.cookie, submitted, ["unspike"])).state).toBe("submitted");
  });

  it("releasing or spiking another editor's story needs a chief, and the refusal names who holds it", async () => {
    const id = await seed();
    await walk(server, editor.cookie, id, ["take"]);
    for (const action of ["release", "spike", "submit"] as const) {
      const refused = await act(server, other.cookie, id, action);
      expect(refused.status).toBe(403);
      // The holder's name and clock time in the desk's zone, in words for an editor.
      expect(refused.error?.message).toMatch(/^editor \d+ took this story at \d\d:\d\d; only a chief can (release|spike|submit) it\.$/);
    }
    expect((await act(server, chief.cookie, id, "release")).story?.state).toBe("incoming");
  });

  it("keeps who took a story and when, names them in a refusal, and forgets them on release", async () => {
    const id = await seed();
    const taken = await walk(server, editor.cookie, id, ["take"]);
    expect(taken.takenBy).toBe(editor.userId);
    expect(taken.takenByName).toMatch(/^editor \d+$/);
    expect(Math.abs(Date.parse(taken.takenAt!) - Date.now())).toBeLessThan(60_000);
    const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: server.desk.ctx.env.WIREDESK_TIME_ZONE }).format(Date.parse(taken.takenAt!));
    const again = await act(server, other.cookie, id, "take");
    expect(again.status).toBe(409);
    expect(again.error?.message).toBe(`${taken.takenByName} took this story at ${clock}.`);
    expect(JSON.stringify(again.error)).not.toMatch(/in_progress|allowed from/);
    const released = await walk(server, editor.cookie, id, ["release"]);
    expect(released).toMatchObject({ takenBy: null, takenAt: null, takenByName: null });
  });

  it("answers 409 invalid_state for a state the table does not allow, and 409 for a stale rev", async () => {
    const id = await seed();
    const wrong = await act(server, chief.cookie, id, "approve");
    expect(wrong.status).toBe(409);
    expect(wrong.error?.code).toBe("invalid_state");
    expect(wrong.error?.message).toBe("You cannot approve this story: nobody has taken it yet.");
    const taken = await walk(server, editor.cookie, id, ["take"]);
    const stale = await act(server, editor.cookie, id, "submit", { rev: taken.rev - 1 });
    expect(stale.status).toBe(409);
    expect(stale.error?.code).toBe("conflict");
  });

  it("validates before publishing and answers 422 with every problem", async () => {
    const id = await seed({ headline: "H".repeat(70), slugline: "S".repeat(30), abstract: "A".repeat(200), bodyText: "Editor's note: do not run before noon.\nThe rest.", editorNote: null });
    await walk(server, editor.cookie, id, ["take", "submit"]);
    await walk(server, chief.cookie, id, ["approve"]);
    const refused = await act(server, chief.cookie, id, "publish");
    expect(refused.status).toBe(422);
    expect(refused.error?.problems).toEqual([
      "The headline has 70 characters; the limit is 64.",
      "The slugline has 30 characters; the limit is 24.",
      "The abstract has 200 characters; the limit is 160.",
      "The body contains an editor's note; take it out before publishing.",
    ]);
  });

  it("refuses to publish a headline that still starts with the agency's version marker; a headline that begins with the word goes out", async () => {
    const id = await seed({ headline: "UPDATE 2-REFILE-Floods close roads" });
    await walk(server, editor.cookie, id, ["take", "submit"]);
    await walk(server, chief.cookie, id, ["approve"]);
    const refused = await act(server, chief.cookie, id, "publish");
    expect(refused.status).toBe(422);
    expect(refused.error?.problems).toEqual(['The headline starts with the agency\'s marker "UPDATE 2-REFILE-"; take it out before publishing.']);
    // A headline that is nothing but a marker is refused too.
    const bare = await seed({ headline: "UPDATE 3-" });
    await walk(server, editor.cookie, bare, ["take", "submit"]);
    await walk(server, chief.cookie, bare, ["approve"]);
    expect((await act(server, chief.cookie, bare, "publish")).error?.problems).toEqual(['The headline starts with the agency\'s marker "UPDATE 3-"; take it out before publishing.']);
    const plain = await seed({ headline: "Update: floods close roads" });
    await walk(server, editor.cookie, plain, ["take", "submit"]);
    expect((await walk(server, chief.cookie, plain, ["approve", "publish"])).state).toBe("published");
  });

  it("refuses to submit a story without a headline or a body (422 with both), and submits it once they are there", async () => {
    const id = await seed({ headline: "  ", bodyText: "", bodyHtml: "" });
    await walk(server, editor.cookie, id, ["take"]);
    const refused = await act(server, editor.cookie, id, "submit");
    expect(refused.status).toBe(422);
    expect(refused.error?.message).toMatch(/^The story cannot go to a chief yet: /);
    expect(refused.error?.problems).toEqual(["The headline is empty.", "The body is empty."]);
    expect((await server.desk.ctx.store.stories.getStory(id))!.state).toBe("in_progress");
    // Long copy may go to a chief: the limits are the chief's check at publish.
    const long = await seed({ headline: "H".repeat(70) });
    expect((await walk(server, editor.cookie, long, ["take", "submit"])).state).toBe("submitted");
  });

  it("holds an embargoed story: publishing schedules it for the embargo's end", async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const id = await seed({ embargoUntil: until });
    await walk(server, editor.cookie, id, ["take", "submit"]);
    const held = await walk(server, chief.cookie, id, ["approve", "publish"]);
    expect(held.state).toBe("scheduled");
    expect((await fetch(`${server.url}/api/v1/published/${id}`)).status).toBe(404);
  });

  it("with a burst of chiefs publishing at once, exactly one publication and 409 'already published' for the rest", async () => {
    const id = await seed();
    await walk(server, editor.cookie, id, ["take", "submit"]);
    const approved = await walk(server, chief.cookie, id, ["approve"]);
    const second = await server.signIn("chief");
    const chiefs = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? chief : second));
    const answers = await Promise.all(chiefs.map((c) => act(server, c.cookie, id, "publish", { rev: approved.rev })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.every((a) => a.status === 409 && /already published/.test(a.error?.message ?? ""))).toBe(true);
    const history = (await (await fetch(`${server.url}/api/stories/${id}/history`, { headers: { cookie: chief.cookie } })).json()) as { entries: { action: string }[] };
    expect(history.entries.filter((e) => e.action === "publish")).toHaveLength(1);
  });

  it("writes every transition to the story's history: who, when, from, to, rev", async () => {
    const id = await seed();
    await walk(server, editor.cookie, id, ["take", "submit"]);
    await walk(server, chief.cookie, id, ["approve", "publish", ["correct", { note: "Fixed a name." }], ["kill", { reason: "Legal." }]]);
    const response = await fetch(`${server.url}/api/stories/${id}/history`, { headers: { cookie: editor.cookie } });
    const { entries } = (await response.json()) as { entries: { action: string; from: string; to: string; rev: number; actorName: string; detail: unknown }[] };
    expect(entries.map((e) => [e.action, e.from, e.to])).toEqual([
      ["take", "incoming", "in_progress"],
      ["submit", "in_progress", "submitted"],
      ["approve", "submitted", "approved"],
      ["publish", "approved", "published"],
      ["correct", "published", "corrected"],
      ["kill", "corrected", "killed"],
    ]);
    expect(entries[0]!.actorName).toMatch(/^editor/);
    expect(entries.map((e) => e.rev)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(entries[4]!.detail).toEqual({ note: "Fixed a name." });
  });
});

describe("four-eyes", () => {
  it("with WIREDESK_FOUR_EYES=1 the approver must not be an editor who worked on the story; by default one chief may do every step", async () => {
    const strict = await startTestServer({ env: { WIREDESK_FOUR_EYES: "1" } });
    try {
      const chiefA = await strict.signIn("chief");
      const chiefB = await strict.signIn("chief");
      const [id] = await seedStories(strict.desk.ctx, [{ headline: "Four eyes", bodyText: "Body.", bodyHtml: "<p>Body.</p>" }]);
      await walk(strict, chiefA.cookie, id!, ["take", "submit"]);
      const refused = await act(strict, chiefA.cookie, id!, "approve");
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toMatch(/Four-eyes/);
      expect((await act(strict, chiefB.cookie, id!, "approve")).status).toBe(200);
    } finally {
      await strict.stop();
    }
    const id = await seed();
    const published = await walk(server, chief.cookie, id, ["take", "submit", "approve", "publish"]);
    expect(published.state).toBe("published");
  });
});
