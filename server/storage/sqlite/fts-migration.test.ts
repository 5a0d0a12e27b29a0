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

describe("the lighter-writes migration (prefix '3', automerge 8) on an indexed database", () => {
  it("rebuilds the index: old stories found by word and by 3 letters, edits and deletes still kept in it", async () => {
    const db = openDbMigratedBefore(dir, "_stories-fts-lighter-writes", path.join(dir, "indexed.db"));
    const insert = db.$client.prepare(
      `insert into stories (id, guid, agency_version, seq, state, format, pub_status, urgency, headline, body_html, body_text, word_count, received_at, updated_at)
       values (?, ?, 1, 1, 'incoming', 'ninjs', 'usable', 5, ?, '', ?, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    const indexNew = db.$client.prepare("insert into stories_fts (rowid, headline, slugline, byline, body_text) select rowid, headline, slugline, byline, body_text from stories where id = ?");
    for (const [id, headline, body] of [["ix-1", "Glacier retreats", "Scientists measured the ice."], ["ix-2", "Budget vote", "Parliament passed it."]] as const) {
      insert.run(id, `urn:ix:${id}`, headline, body);
      indexNew.run(id); // as the store indexes new stories (migration 0004)
    }

    migrateDb(db);
    const store = createSqliteStore(db);
    const ids = async (q: string) => (await store.stories.listStories({ query: parseSearchQuery(q), limit: 10 })).map((f) => f.story.id);
    expect(await ids("glacier")).toEqual(["ix-1"]);
    expect(await ids("gla*")).toEqual(["ix-1"]);
    expect(await ids("parliament")).toEqual(["ix-2"]);
    expect(db.$client.prepare("select v from stories_fts_config where k = 'automerge'").get()).toEqual({ v: 8 });

    db.$client.prepare("update stories set headline = 'Avalanche warning' where id = 'ix-1'").run();
    expect(await ids("glacier")).toEqual([]);
    expect(await ids("ava*")).toEqual(["ix-1"]);
    db.$client.prepare("delete from stories where id = 'ix-2'").run();
    expect(await ids("parliament")).toEqual([]);
    // The index agrees with its content table after all of it.
    expect(() => db.$client.exec("insert into stories_fts (stories_fts, rank) values ('integrity-check', 1)")).not.toThrow();
    await store.close();
  });
});
