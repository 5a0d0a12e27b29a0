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
