import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryPage } from "../contract/story";
import { callApi, ingestQueueStories } from "../testing/queue-fixtures";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

async function readFlags(cookie: string, query = ""): Promise<Record<string, boolean | undefined>> {
  const { body } = await callApi<StoryPage>(server, cookie, "GET", `/api/stories?${query}`);
  return Object.fromEntries(body.stories.map((s) => [s.id, s.isRead]));
}

describe("per-user read state", () => {
  it("marks a story read for one user only, and unread again", async () => {
    const [first, second] = await ingestQueueStories(server, [{ headline: "Read me" }, { headline: "Not me" }]);
    const viewer = await server.signIn("viewer");
    const editor = await server.signIn("editor");
    expect(await readFlags(viewer.cookie)).toEqual({ [first!]: false, [second!]: false });

    expect((await callApi(server, viewer.cookie, "POST", `/api/stories/${first}/read`)).status).toBe(204);
    expect((await callApi(server, viewer.cookie, "POST", `/api/stories/${first}/read`)).status).toBe(204); // idempotent
    expect(await readFlags(viewer.cookie)).toEqual({ [first!]: true, [second!]: false });
    expect(await readFlags(editor.cookie)).toEqual({ [first!]: false, [second!]: false });
    expect(await readFlags(viewer.cookie, "q=read")).toEqual({ [first!]: true });

    expect((await callApi(server, viewer.cookie, "DELETE", `/api/stories/${first}/read`)).status).toBe(204);
    expect(await readFlags(viewer.cookie)).toEqual({ [first!]: false, [second!]: false });
  });

  it("answers 404 for a story that does not exist and 401 without a session", async () => {
    const { cookie } = await server.signIn("viewer");
    expect((await callApi(server, cookie, "POST", "/api/stories/nope/read")).status).toBe(404);
    expect((await callApi(server, cookie, "DELETE", "/api/stories/nope/read")).status).toBe(404);
    expect((await callApi(server, "", "POST", "/api/stories/nope/read")).status).toBe(401);
  });
});
