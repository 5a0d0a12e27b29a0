import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb } from "@/db/client";
import { parseSearchQuery } from "../../stories/search-query";
import { openDbMigratedBefore } from "../../testing/migrations-before";
import { createSqliteStore } from "./sqlite-store";

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-fts-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the stories-fts migration on a database that already has stories", () => {
  it("indexes the existing stories and counts them per state", async () => {
    const db = openDbMigratedBefore(dir, "_stories-fts", path.join(dir, "old.db"));
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
