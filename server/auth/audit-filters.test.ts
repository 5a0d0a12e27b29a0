import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let admin: { cookie: string; userId: string };
let editor: { cookie: string; userId: string };

interface Page {
  entries: { id: number; actorId: string | null; actorName: string | null; action: string }[];
  nextBefore: number | null;
}

async function audit(query: string): Promise<{ status: number; body: Page }> {
  const response = await fetch(`${server.url}/api/audit${query}`, { headers: { cookie: admin.cookie } });
  return { status: response.status, body: (await response.json()) as Page };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn("admin", "filter-admin@test.wiredesk");
  editor = await server.signIn("editor", "filter-editor@test.wiredesk");
  for (let i = 0; i < 5; i++) {
    const created = await fetch(`${server.url}/api/ingest-tokens`, { method: "POST", headers: { cookie: admin.cookie, "content-type": "application/json" }, body: JSON.stringify({ name: `Feed ${i}` }) });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  await server.stop();
});

describe("the audit log's filters and pages", () => {
  it("filters by person and by action, naming the person", async () => {
    const mine = await audit(`?actor=${admin.userId}`);
    expect(mine.body.entries.length).toBeGreaterThanOrEqual(6); // a login and five tokens
    expect(mine.body.entries.every((e) => e.actorId === admin.userId && e.actorName === "admin 1")).toBe(true);

    const theirs = await audit(`?actor=${editor.userId}`);
    expect(theirs.body.entries.map((e) => e.action)).toEqual(["login"]);

    const tokens = await audit("?action=ingest_token_created");
    expect(tokens.body.entries).toHaveLength(5);
    expect(new Set(tokens.body.entries.map((e) => e.action))).toEqual(new Set(["ingest_token_created"]));
    expect((await audit(`?action=login&actor=${editor.userId}`)).body.entries).toHaveLength(1);
  });

  it("pages newest first with nextBefore, every entry once, and says where it ends", async () => {
    const seen: number[] = [];
    let before: number | null = null;
    for (let page = 0; page < 10; page++) {
      const { body } = await audit(`?action=ingest_token_created&limit=2${before ? `&before=${before}` : ""}`);
      seen.push(...body.entries.map((e) => e.id));
      before = body.nextBefore;
      if (before === null) break;
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(new Set(seen).size).toBe(5);
  });

  it("refuses a malformed filter with the parameter's name", async () => {
    const response = await fetch(`${server.url}/api/audit?action=${encodeURIComponent("drop table;")}`, { headers: { cookie: admin.cookie } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^action:/);
  });
});
