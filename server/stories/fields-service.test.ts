import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryDetail } from "../contract/story";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let cookie: string;
let other: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = (await server.signIn("editor")).cookie;
  other = (await server.signIn("editor")).cookie;
});
afterAll(async () => server.stop());

async function newStory(): Promise<StoryDetail> {
  const answer = (await (await server.ingest(ninjsStory({ urgency: 5 }))).json()) as { stories: { id: string }[] };
  const id = answer.stories[0]!.id;
  return (await (await fetch(`${server.url}/api/stories/${id}`, { headers: { cookie } })).json()) as StoryDetail;
}

function patch(id: string, who: string, body: unknown) {
  return fetch(`${server.url}/api/stories/${id}`, { method: "PATCH", headers: { cookie: who, "content-type": "application/json", origin: server.url }, body: JSON.stringify(body) });
}

describe("PATCH /api/stories/:id", () => {
  it("changes the other fields with the rev the editor saw, and answers the story", async () => {
    const story = await newStory();
    const response = await patch(story.id, cookie, { rev: story.rev, urgency: 2, dateline: "PARIS, Dec 2", categories: ["politics", "politics"], keywords: ["vote"], editorNote: "Check the figures" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as StoryDetail;
    expect(body).toMatchObject({ rev: story.rev + 1, urgency: 2, categories: ["politics"], keywords: ["vote"], editorNote: "Check the figures", dateline: { text: "PARIS, Dec 2" } });
  });

  it("two editors change urgency at once: one wins, the other gets 409 with the current story", async () => {
    const story = await newStory();
    const [a, b] = await Promise.all([patch(story.id, cookie, { rev: story.rev, urgency: 1 }), patch(story.id, other, { rev: story.rev, urgency: 9 })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = (await (a.status === 200 ? a : b).json()) as StoryDetail;
    const loser = (await (a.status === 409 ? a : b).json()) as { error: { code: string; message: string }; story: StoryDetail };
    expect(loser.error.code).toBe("conflict");
    expect(loser.story.urgency).toBe(winner.urgency);
    expect(loser.story.rev).toBe(story.rev + 1);
  });

  it("holds under a burst of 20 parallel writes with the same rev: exactly one is applied", async () => {
    const story = await newStory();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => patch(story.id, i % 2 ? cookie : other, { rev: story.rev, urgency: (i % 9) + 1 })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(19);
    const now = (await (await fetch(`${server.url}/api/stories/${story.id}`, { headers: { cookie } })).json()) as StoryDetail;
    expect(now.rev).toBe(story.rev + 1);
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const story = await newStory();
    for (const body of [{ urgency: 2 }, { rev: story.rev }, { rev: story.rev, urgency: 12 }, { rev: story.rev, headline: "not here" }, { rev: story.rev, keywords: ["x".repeat(100)] }]) {
      const response = await patch(story.id, cookie, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
    }
    expect((await patch("no-such-story", cookie, { rev: 1, urgency: 2 })).status).toBe(404);
    const now = (await (await fetch(`${server.url}/api/stories/${story.id}`, { headers: { cookie } })).json()) as StoryDetail;
    expect(now).toMatchObject({ rev: story.rev, urgency: story.urgency });
  });
});
