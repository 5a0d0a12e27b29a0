import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VersionDiff } from "../contract/version-diff";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { diffWords, isTooLargeToCompare } from "./version-diff";

let server: TestServer;
let viewer: { cookie: string };
let storyId: string;
beforeAll(async () => {
  server = await startTestServer();
  viewer = await server.signIn("viewer");
  const versions = [
    { version: 1, headline: "Fire at the harbour", body: "<p>A fire broke out at the harbour on Monday.</p><p>No one was hurt.</p>" },
    { version: 2, headline: "Fire at the old harbour", body: "<p>A fire broke out at the harbour on Monday night.</p><p>No one was hurt.</p>" },
    { version: 5, headline: "Fire at the old harbour is out", body: "<p>A fire broke out at the harbour on Monday night.</p><p>Two firefighters were hurt.</p>" },
  ];
  for (const v of versions) {
    const response = await server.ingest(ninjsStory({ uri: "urn:test:diff", ...v }));
    storyId = ((await response.json()) as { stories: { id: string }[] }).stories[0]!.id;
  }
});
afterAll(async () => server.stop());

async function diff(query: string, cookie: string | null = viewer.cookie) {
  const response = await fetch(`${server.url}/api/stories/${storyId}/diff${query}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: (await response.json()) as VersionDiff & { error?: { message: string } } };
}

const joined = (ops: VersionDiff["body"], op: string) => ops.filter((o) => o.op === op).map((o) => o.text.trim()).filter(Boolean);

describe("GET /api/stories/:id/diff", () => {
  it("gives the word-level difference of headline and body between two agency versions", async () => {
    const { status, body } = await diff("?from=1&to=2");
    expect(status).toBe(200);
    expect(body.from).toBe(1);
    expect(body.to).toBe(2);
    expect(joined(body.headline, "insert")).toEqual(["old"]);
    expect(joined(body.headline, "delete")).toEqual([]);
    expect(joined(body.body, "insert")).toEqual(["night"]);
    expect(joined(body.body, "delete")).toEqual([]);
    // Applying the ops rebuilds both versions exactly.
    expect(body.headline.filter((o) => o.op !== "insert").map((o) => o.text).join("")).toBe("Fire at the harbour");
    expect(body.headline.filter((o) => o.op !== "delete").map((o) => o.text).join("")).toBe("Fire at the old harbour");
  });

  it("compares any two versions, also backwards and across version gaps", async () => {
    const forward = await diff("?from=2&to=5");
    expect(joined(forward.body.body, "insert").join(" ")).toContain("Two firefighters were");
    expect(joined(forward.body.body, "delete").join(" ")).toContain("No one was");
    const backward = await diff("?from=5&to=1");
    expect(joined(backward.body.headline, "delete").join(" ")).toBe("old is out");
    const same = await diff("?from=2&to=2");
    expect(same.body.body.every((o) => o.op === "equal")).toBe(true);
  });

  it("names the versions that exist when one is missing, and refuses a bad query", async () => {
    const missing = await diff("?from=1&to=3");
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toContain("1, 2, 5");
    expect((await diff("?from=one&to=2")).status).toBe(400);
    expect((await diff("")).status).toBe(400);
    const unknown = await fetch(`${server.url}/api/stories/nope/diff?from=1&to=2`, { headers: { cookie: viewer.cookie } });
    expect(unknown.status).toBe(404);
  });

  it("needs a signed-in user", async () => {
    expect((await diff("?from=1&to=2", null)).status).toBe(401);
  });
});

describe("the diff never holds the event loop", () => {
  const words = (seed: number, count: number) => Array.from({ length: count }, (_, i) => `w${(i * seed) % 9973}`).join(" ");

  it("answers two large, very different versions at once as too large to compare, whole", () => {
    const before = `Fire ${words(7, 40_000)}.`;
    const after = `Storm ${words(13, 40_000)}!`;
    const start = performance.now();
    const ops = diffWords(before, after);
    expect(performance.now() - start).toBeLessThan(200);
    expect(ops).toEqual([{ op: "delete", text: before }, { op: "insert", text: after }]);
    expect(isTooLargeToCompare(before, after)).toBe(true);
  });

  it("still shows a one-word change in a long text exactly (common start and end are not compared)", () => {
    const head = words(7, 30_000);
    const tail = words(11, 30_000);
    const start = performance.now();
    const ops = diffWords(`${head} harbour ${tail}`, `${head} port ${tail}`);
    expect(performance.now() - start).toBeLessThan(300);
    expect(ops.filter((o) => o.op !== "equal").map((o) => o.text.trim())).toEqual(["harbour", "port"]);
    expect(ops.map((o) => o.text).join("").length).toBeGreaterThan(head.length);
  });
});
