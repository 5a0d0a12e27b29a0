import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb, openDb } from "@/db/client";
import { parseSearchQuery } from "../../stories/search-query";
import { createSqliteStore } from "./sqlite-store";

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../db/migrations");
const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-fts-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the stories-fts migration on a database that already has stories", () => {
  it("indexes the existing stories and counts them per state", async () => {
    // The migrations as they were before this one.
    const before = path.join(dir, "migrations-before");
    cpSync(MIGRATIONS, before, { recursive: true });
    const journalFile = path.join(before, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    const index = journal.entries.findIndex((e) => e.tag.endsWith("_stories-fts"));
    expect(index).toBeGreaterThan(0);
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));

    const db = openDb(path.join(dir, "old.db"));
    migrate(db, { migrationsFolder: before });
    const insert = db.$client.prepare(
      `insert into stories (id, guid, agency_version, seq, state, format, pub_status, urgency, headline, body_html, body_text, word_count, received_at, updated_at)
       values (?, ?, 1, 1, ?, 'ninjs', 'usable', 5, ?, '', ?, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    insert.run("old-1", "urn:old:1", "incoming", "Glacier retreats", "Scientists measured the ice.");
    insert.run("old-2", "urn:old:2", "spiked", "Budget vote", "The glacier fund was cut.");
    insert.run("old-3", "urn:old:3", "incoming", "Cup final", "No ice here.");

    migrateDb(db);
    const store = createSqliteStore(db);
    const found = await store.stories.listStories({ query: parseSearchQuery("glacier"), limit: 10 });
    expect(found.map((f) => f.story.id)).toEqual(["old-1", "old-2"]);
    expect(await store.queue.countByState()).toEqual({ incoming: 2, spiked: 1 });
    await store.close();
  });
});
