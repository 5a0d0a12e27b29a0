import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, openMigratedDb } from "./client";
import { shippedMigrations } from "./migration-status";

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-desk-order-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migration 0016 (desk order)", () => {
  it("keeps the routing order desks had: creation order, ties by insertion", () => {
    const file = path.join(dir, "desks.db");
    // A database as the release before 0016 left it: the column gone and the migration not recorded.
    const before = openMigratedDb(file);
    const sqlite = before.$client;
    sqlite.exec("alter table desks drop column position");
    // Nor what came after it (their records go below, so they run again).
    sqlite.exec("alter table collab_docs drop column origin_agency_version");
    const { when } = shippedMigrations().find((m) => m.tag === "0016_desk-order")!;
    sqlite.prepare("delete from __drizzle_migrations where created_at >= ?").run(when);
    const insert = sqlite.prepare("insert into desks (id, name, created_at) values (?, ?, ?)");
    insert.run("c", "Sport", "2026-01-03T00:00:00.000Z");
    insert.run("a", "World", "2026-01-01T00:00:00.000Z");
    insert.run("b2", "Politics", "2026-01-02T00:00:00.000Z");
    insert.run("b1", "Economy", "2026-01-02T00:00:00.000Z"); // same millisecond, inserted later
    sqlite.close();

    const after = openDb(file);
    try {
      migrateDb(after);
      const rows = after.$client.prepare("select name, position from desks order by position").all();
      expect(rows).toEqual([
        { name: "World", position: 0 },
        { name: "Politics", position: 1 },
        { name: "Economy", position: 2 },
        { name: "Sport", position: 3 },
      ]);
    } finally {
      after.$client.close();
    }
  });
});
