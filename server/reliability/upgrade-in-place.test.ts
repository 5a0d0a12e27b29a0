import Database from "better-sqlite3";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pendingMigrations, shippedMigrations } from "@/db/migration-status";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { runRetention } from "./retention";

/** A desk database written by the release whose newest migration was 0010 (see upgrade-fixture-make.ts). */
const FIXTURE = path.resolve("fixtures/upgrade/release-0010.db");

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = ["users", "stories", "story_versions", "deliveries", "delivery_raw", "changes", "publications", "story_history", "audit_log", "saved_searches", "feeds", "webhooks", "webhook_deliveries"];
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

describe("upgrade in place", () => {
  it("starts on the last release's database, applies the new migrations and loses nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-upgrade-"));
    const dbFile = path.join(dir, "wiredesk.db");
    copyFileSync(FIXTURE, dbFile);
    const before = counts(dbFile);
    const fixtureDb = new Database(dbFile, { readonly: true });
    const pending = pendingMigrations(fixtureDb);
    fixtureDb.close();
    expect(pending.length).toBeGreaterThan(0);
    expect(pending).toEqual(shippedMigrations().slice(-pending.length).map((m) => m.tag));
    expect(before.stories).toBe(6);

    server = await startTestServer({ dir });
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as { status: string; pendingMigrations: string[] };
    expect(ready).toMatchObject({ status: "ready", pendingMigrations: [] });
    expect(counts(dbFile)).toEqual(before);
    expect(await server.desk.ctx.store.ops.integrityCheck()).toEqual(["ok"]);

    // The fixture's people sign in with the passwords they had; their copy reads as it did.
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "chief@upgrade.example", password: TEST_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const queue = (await (await fetch(`${server.url}/api/stories?limit=50`, { headers: { cookie } })).json()) as { stories: { id: string; state: string }[]; seq: number };
    expect(queue.stories).toHaveLength(6);
    expect(queue.stories.map((s) => s.state).sort()).toEqual(["incoming", "incoming", "incoming", "incoming", "published", "spiked"]);
    const published = queue.stories.find((s) => s.state === "published")!;
    expect((await fetch(`${server.url}/api/v1/published/${published.id}`)).status).toBe(200);
    const search = (await (await fetch(`${server.url}/api/stories?q=${encodeURIComponent("norway OR oslo OR dpa OR afp")}`, { headers: { cookie } })).json()) as { stories: unknown[] };
    expect(search.stories.length).toBeGreaterThan(0);
    const saved = (await (await fetch(`${server.url}/api/saved-searches`, { headers: { cookie } })).json()) as { savedSearches: { name: string }[] };
    expect(saved.savedSearches.map((s) => s.name)).toEqual(["Norway"]);

    // The new release's housekeeping runs on the upgraded file.
    const result = await runRetention(server.desk.ctx);
    expect(result.unusedStories).toBe(0);
  });
});
