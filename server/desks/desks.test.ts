import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserDto } from "../contract/auth";
import type { DeskDto, DeskList } from "../contract/desk";
import type { StoryDetail, StoryPage } from "../contract/story";
import { callApi, ingestQueueStories } from "../testing/queue-fixtures";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let admin: string;
const desks: Record<string, DeskDto> = {};

beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.signIn("admin")).cookie;
  const create = async (name: string, rules: unknown[]) => {
    const { status, body } = await callApi<DeskDto>(server, admin, "POST", "/api/desks", { name, rules });
    expect(status, JSON.stringify(body)).toBe(201);
    desks[name] = body;
  };
  // Routing order is creation order: the first desk with a matching rule takes the story.
  await create("Flash", [{ urgencyMax: 1 }]);
  await create("Sport", [{ category: "sport" }, { keyword: "world cup" }]);
  await create("Economy", [{ agency: "Reuters", category: "economy" }]);
  await create("Politics", [{ category: "politics" }]);
});
afterAll(async () => server.stop());

async function deskOf(id: string): Promise<string | null> {
  const { body } = await callApi<StoryDetail>(server, admin, "GET", `/api/stories/${id}`);
  const deskId = body.deskId;
  return Object.values(desks).find((d) => d.id === deskId)?.name ?? deskId;
}

describe("desks and routing at ingest", () => {
  it("lists desks in routing order with their rules, to every signed-in user", async () => {
    const viewer = await server.signIn("viewer");
    const { status, body } = await callApi<DeskList>(server, viewer.cookie, "GET", "/api/desks");
    expect(status).toBe(200);
    expect(body.desks.map((d) => d.name)).toEqual(["Flash", "Sport", "Economy", "Politics"]);
    expect(body.desks[1]!.rules).toEqual([
      { agency: null, category: "sport", keyword: null, urgencyMax: null },
      { agency: null, category: null, keyword: "world cup", urgencyMax: null },
    ]);
  });

  it("routes each incoming story to the first desk whose rule matches in every given field", async () => {
    const [flash, sport, cup, notCup, economy, wrongAgency, politics, none] = await ingestQueueStories(server, [
      { headline: "Earthquake", urgency: 1, subjects: ["sport"] }, // Flash comes first
      { headline: "Match report", subjects: ["Sport"] }, // category, case-insensitive
      { headline: "Hosts named for the World Cup", subjects: [] }, // keyword as a phrase in the headline
      { headline: "Cupboard maker expands", keywords: ["worldwide"] }, // "cup" inside a word is no match
      { headline: "Rates held", agency: "Reuters", subjects: ["economy"] },
      { headline: "Rates held too", agency: "AP", subjects: ["economy"] }, // agency must match as well
      { headline: "Vote count", subjects: ["politics", "economy"] },
      { headline: "Weather", subjects: ["weather"] },
    ]);
    expect(await deskOf(flash!)).toBe("Flash");
    expect(await deskOf(sport!)).toBe("Sport");
    expect(await deskOf(cup!)).toBe("Sport");
    expect(await deskOf(notCup!)).toBeNull();
    expect(await deskOf(economy!)).toBe("Economy");
    expect(await deskOf(wrongAgency!)).toBeNull();
    expect(await deskOf(politics!)).toBe("Politics");
    expect(await deskOf(none!)).toBeNull();

    const { body } = await callApi<StoryPage>(server, admin, "GET", `/api/stories?desk=${desks.Sport!.id}`);
    expect(body.stories.map((s) => s.id)).toEqual([cup, sport]);
    const outside = await callApi<StoryPage>(server, admin, "GET", `/api/stories?desk=-${desks.Sport!.id},-${desks.Flash!.id}`);
    expect(outside.body.stories.map((s) => s.id)).toEqual([none, politics, wrongAgency, economy, notCup]);
  });

  it("routes a story that matched no desk when a new version arrives after a rule was added", async () => {
    const [story] = await ingestQueueStories(server, [{ uri: "urn:desk-test:late", headline: "Tennis final", subjects: ["tennis"] }]);
    expect(await deskOf(story!)).toBeNull();
    const patched = await callApi<DeskDto>(server, admin, "PATCH", `/api/desks/${desks.Sport!.id}`, { rules: [{ category: "sport" }, { category: "tennis" }] });
    expect(patched.body.rules).toHaveLength(2);
    await ingestQueueStories(server, [{ uri: "urn:desk-test:late", version: 2, headline: "Tennis final: result", subjects: ["tennis"] }]);
    expect(await deskOf(story!)).toBe("Sport");
  });

  it("lets only admins change desks, and validates what they send", async () => {
    const chief = await server.signIn("chief");
    expect((await callApi(server, chief.cookie, "POST", "/api/desks", { name: "Mine", rules: [] })).status).toBe(403);
    expect((await callApi(server, chief.cookie, "DELETE", `/api/desks/${desks.Flash!.id}`)).status).toBe(403);
    const duplicate = await callApi<{ error: { code: string } }>(server, admin, "POST", "/api/desks", { name: "sport" });
    expect(duplicate.status).toBe(409);
    const badRule = await callApi<{ error: { message: string } }>(server, admin, "POST", "/api/desks", { name: "Bad", rules: [{ urgencyMax: 12 }] });
    expect(badRule.status).toBe(400);
    expect(badRule.body.error.message).toContain("rules.0.urgencyMax");
    expect((await callApi(server, admin, "POST", "/api/desks", { name: "Typo", rules: [{ agnecy: "AP" }] })).status).toBe(400);
    expect((await callApi(server, admin, "PATCH", "/api/desks/nope", { name: "X" })).status).toBe(404);
  });

  it("assigns users to desks, shows them in /api/auth/me and forgets a deleted desk", async () => {
    const editor = await server.signIn("editor");
    const path = `/api/users/${editor.userId}/desks`;
    const set = await callApi(server, admin, "PUT", path, { deskIds: [desks.Politics!.id, desks.Sport!.id] });
    expect(set).toEqual({ status: 200, body: { deskIds: [desks.Sport!.id, desks.Politics!.id] } });
    expect((await callApi<UserDto>(server, editor.cookie, "GET", "/api/auth/me")).body.deskIds).toEqual([desks.Sport!.id, desks.Politics!.id]);
    expect((await callApi(server, admin, "PUT", path, { deskIds: ["no-such-desk"] })).status).toBe(400);
    expect((await callApi(server, admin, "PUT", "/api/users/nobody/desks", { deskIds: [] })).status).toBe(404);
    expect((await callApi(server, editor.cookie, "PUT", path, { deskIds: [] })).status).toBe(403);

    expect((await callApi(server, admin, "DELETE", `/api/desks/${desks.Politics!.id}`)).status).toBe(204);
    expect((await callApi<UserDto>(server, editor.cookie, "GET", "/api/auth/me")).body.deskIds).toEqual([desks.Sport!.id]);
    expect((await callApi<DeskList>(server, admin, "GET", "/api/desks")).body.desks.map((d) => d.name)).toEqual(["Flash", "Sport", "Economy"]);
  });
});

describe("the desks' routing order", () => {
  it("admins set it with the whole order: a story then goes to the desk moved up; a stale or partial order changes nothing", async () => {
    const s = await startTestServer();
    try {
      const adminCookie = (await s.signIn("admin")).cookie;
      const made: DeskDto[] = [];
      for (const [name, rules] of [["World", [{ category: "world" }]], ["Breaking", [{ urgencyMax: 2 }]], ["Sport", [{ category: "sport" }]]] as const) {
        made.push((await callApi<DeskDto>(s, adminCookie, "POST", "/api/desks", { name, rules })).body);
      }
      const [world, breaking, sport] = made as [DeskDto, DeskDto, DeskDto];
      const deskName = async (id: string) => {
        const { deskId } = (await callApi<StoryDetail>(s, adminCookie, "GET", `/api/stories/${id}`)).body;
        return made.find((d) => d.id === deskId)?.name;
      };
      // Created last, Breaking comes after World: urgent world news lands on World.
      const [before] = await ingestQueueStories(s, [{ headline: "Border closed", urgency: 1, subjects: ["world"] }]);
      expect(await deskName(before!)).toBe("World");

      const moved = await callApi<DeskList>(s, adminCookie, "PUT", "/api/desks/order", { deskIds: [breaking.id, world.id, sport.id] });
      expect(moved.status).toBe(200);
      expect(moved.body.desks.map((d) => d.name)).toEqual(["Breaking", "World", "Sport"]);
      const [after] = await ingestQueueStories(s, [{ headline: "Border reopened", urgency: 1, subjects: ["world"] }]);
      expect(await deskName(after!)).toBe("Breaking");
      // A new desk comes last, so it takes nothing from the desks already routing.
      await callApi<DeskDto>(s, adminCookie, "POST", "/api/desks", { name: "Catch-all", rules: [{}] });
      expect((await callApi<DeskList>(s, adminCookie, "GET", "/api/desks")).body.desks.map((d) => d.name)).toEqual(["Breaking", "World", "Sport", "Catch-all"]);

      // The order the admin saw before Catch-all was added is stale; a repeated or unknown id is refused.
      const stale = await callApi<{ error: { code: string; message: string } }>(s, adminCookie, "PUT", "/api/desks/order", { deskIds: [sport.id, world.id, breaking.id] });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(/Reload/);
      const all = (await callApi<DeskList>(s, adminCookie, "GET", "/api/desks")).body.desks.map((d) => d.id);
      const repeated = await callApi<{ error: { code: string; message: string } }>(s, adminCookie, "PUT", "/api/desks/order", { deskIds: [...all.slice(0, 3), all[0]] });
      expect(repeated.status).toBe(400);
      expect(repeated.body.error.message).toMatch(/named twice/);
      expect((await callApi(s, adminCookie, "PUT", "/api/desks/order", { deskIds: [] })).status).toBe(400);
      const editor = (await s.signIn("editor")).cookie;
      expect((await callApi(s, editor, "PUT", "/api/desks/order", { deskIds: [...all].reverse() })).status).toBe(403);
      expect((await callApi<DeskList>(s, adminCookie, "GET", "/api/desks")).body.desks.map((d) => d.id)).toEqual(all);

      // Twenty admins reordering at once: each order is applied whole, so the result is one of them.
      const orders = Array.from({ length: 20 }, (_, i) => [...all.slice(i % 4), ...all.slice(0, i % 4)]);
      const answers = await Promise.all(orders.map((deskIds) => callApi(s, adminCookie, "PUT", "/api/desks/order", { deskIds })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const final = (await callApi<DeskList>(s, adminCookie, "GET", "/api/desks")).body.desks.map((d) => d.id);
      expect(orders.map((o) => o.join())).toContain(final.join());
      const audit = await callApi<{ entries: { action: string }[] }>(s, adminCookie, "GET", "/api/audit?action=desks_reordered");
      expect(audit.body.entries.length).toBe(21);
    } finally {
      await s.stop();
    }
  });
});
