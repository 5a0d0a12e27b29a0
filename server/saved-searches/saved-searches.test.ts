import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SavedSearchDto, SavedSearchList } from "../contract/saved-search";
import { callApi, ingestQueueStories } from "../testing/queue-fixtures";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = (await server.signIn("viewer")).cookie;
});
afterAll(async () => server.stop());

async function saved(who = cookie): Promise<SavedSearchDto[]> {
  const { status, body } = await callApi<SavedSearchList>(server, who, "GET", "/api/saved-searches");
  expect(status).toBe(200);
  return body.savedSearches;
}

describe("saved searches", () => {
  it("counts stories matching the saved query received since it was last opened", async () => {
    await ingestQueueStories(server, [{ headline: "Flood warning for the coast", agency: "AP" }]);
    const created = await callApi<SavedSearchDto>(server, cookie, "POST", "/api/saved-searches", { name: "AP floods", query: "?q=flood&agency=AP&cursor=123&limit=5" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "AP floods", query: "q=flood&agency=AP", newCount: 0 });

    await ingestQueueStories(server, [
      { headline: "Flood waters rise", agency: "AP" },
      { headline: "Flooding closes roads", agency: "AP" }, // "flooding" is another word
      { headline: "Flood in the valley", agency: "AFP" },
      { headline: "River flood barrier holds", agency: "AP" },
    ]);
    expect((await saved()).map((s) => [s.name, s.newCount])).toEqual([["AP floods", 2]]);

    const id = created.body.id;
    expect((await callApi(server, cookie, "POST", `/api/saved-searches/${id}/open`)).status).toBe(204);
    const [opened] = await saved();
    expect(opened!.newCount).toBe(0);
    expect(opened!.lastOpenedAt > created.body.lastOpenedAt).toBe(true);
    await ingestQueueStories(server, [{ headline: "Flood recedes", agency: "AP" }]);
    expect((await saved())[0]!.newCount).toBe(1);
  });

  it("stops counting at 1000", async () => {
    const created = await callApi<SavedSearchDto>(server, cookie, "POST", "/api/saved-searches", { name: "Everything from Bulkwire", query: "agency=Bulkwire" });
    // Plain inserts through a second connection: a thousand deliveries would only slow the test down.
    const sqlite = new Database(server.dbFile);
    const insert = sqlite.prepare(
      `insert into stories (id, guid, agency_version, seq, state, format, pub_status, agency, urgency, headline, body_html, body_text, word_count, received_at, updated_at)
       values (?, ?, 1, 0, 'incoming', 'ninjs', 'usable', 'Bulkwire', 5, 'Bulk', '', '', 0, ?, ?)`,
    );
    const at = new Date(Date.now() + 1000).toISOString();
    sqlite.transaction(() => {
      for (let i = 0; i < 1005; i++) insert.run(`bulk-${i}`, `urn:bulk:${i}`, at, at);
    })();
    sqlite.close();
    expect((await saved()).find((s) => s.id === created.body.id)?.newCount).toBe(1000);
  });

  it("keeps each user's searches private", async () => {
    const other = await server.signIn("viewer");
    expect(await saved(other.cookie)).toEqual([]);
    const [mine] = await saved();
    expect((await callApi(server, other.cookie, "POST", `/api/saved-searches/${mine!.id}/open`)).status).toBe(404);
    expect((await callApi(server, other.cookie, "DELETE", `/api/saved-searches/${mine!.id}`)).status).toBe(404);
    expect((await callApi(server, cookie, "DELETE", `/api/saved-searches/${mine!.id}`)).status).toBe(204);
    expect((await saved()).map((s) => s.id)).not.toContain(mine!.id);
  });

  it("refuses a query the queue would refuse, and a name used twice", async () => {
    const badQuery = await callApi<{ error: { code: string; message: string } }>(server, cookie, "POST", "/api/saved-searches", { name: "Broken", query: 'q="unclosed' });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error).toEqual({ code: "invalid_query", message: 'A quote is not closed: add the closing " or remove the opening one.' });
    expect((await callApi(server, cookie, "POST", "/api/saved-searches", { name: "Bad filter", query: "urgencyMax=42" })).status).toBe(400);
    expect((await callApi(server, cookie, "POST", "/api/saved-searches", { name: "Twice", query: "agency=AP" })).status).toBe(201);
    expect((await callApi(server, cookie, "POST", "/api/saved-searches", { name: "Twice", query: "agency=AFP" })).status).toBe(409);
    expect((await callApi(server, cookie, "POST", "/api/saved-searches", { name: "", query: "agency=AP" })).status).toBe(400);
  });
});
