import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../db/client";
import { createSqliteStore } from "../server/storage/sqlite/sqlite-store";
import { parseSearchQuery } from "../server/stories/search-query";
import { buildNormalizedStory } from "../server/testing/seed-stories";
import { generateDatabase, type GeneratedMeta } from "./generate-db";

const STORIES = 10_000;
let dir: string;
let file: string;
let meta: GeneratedMeta;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "wiredesk-generate-"));
  file = path.join(dir, "queue.db");
  meta = await generateDatabase({ stories: STORIES, out: file, seed: 7, days: 30 });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bench/generate-db.ts", () => {
  it("fills stories, the change log and the full-text index, and writes the vocabulary beside it", () => {
    const sqlite = new Database(file, { readonly: true });
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    expect(count("select count(*) as n from stories")).toBe(STORIES);
    expect(count("select count(*) as n from changes")).toBe(STORIES);
    expect(count("select count(*) as n from stories_fts_docsize")).toBe(STORIES);
    expect(count("select count(distinct agency) as n from stories")).toBeGreaterThanOrEqual(6);
    expect(count("select count(distinct language) as n from stories")).toBeGreaterThanOrEqual(5);
    expect(count("select count(distinct urgency) as n from stories")).toBeGreaterThanOrEqual(7);
    expect(count("select count(*) as n from stories where desk_id is not null")).toBeGreaterThan(STORIES / 2);
    expect(count("select count(*) as n from stories where state = 'incoming'")).toBeGreaterThan(0);
    expect(count("select count(*) as n from sqlite_master where type = 'trigger' and name like 'stories_fts_%'")).toBe(2); // update and delete: the store indexes new stories itself
    expect(count("select count(*) as n from sqlite_master where type = 'trigger' and name like 'story_state_counts_%'")).toBe(3);
    expect(count("select sum(count) as n from story_state_counts")).toBe(STORIES);
    expect(count("select count as n from story_state_counts where state = 'incoming'")).toBe(count("select count(*) as n from stories where state = 'incoming'"));
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    sqlite.close();
    const written = JSON.parse(readFileSync(`${file}.meta.json`, "utf8")) as GeneratedMeta;
    expect(written.stories).toBe(STORIES);
    expect(written.vocabulary).toHaveLength(5000);
    expect(new Set(written.vocabulary).size).toBe(5000);
  });

  it("makes a database the desk searches like its own, and that keeps indexing new stories", async () => {
    const db = openDb(file);
    const store = createSqliteStore(db);
    // A mid-frequency word, as the queue benchmark draws them (the 100 most common left out).
    const word = meta.vocabulary[150]!;
    const found = await store.stories.listStories({ query: parseSearchQuery(word), limit: 50 });
    expect(found).toHaveLength(50);
    const texts = db.$client.prepare("select lower(headline || ' ' || coalesce(slugline, '') || ' ' || body_text) from stories where rowid = ?").pluck();
    for (const hit of found) expect(texts.get(hit.position)).toContain(word);
    expect(found[0]!.highlight).toContain("<mark>");
    const newest = await store.stories.listStories({ limit: 20 });
    expect(newest.map((s) => s.position)).toEqual(Array.from({ length: 20 }, (_, i) => STORIES - i));

    // A later arrival through the store's own ingest path is indexed beside the generated ones.
    const raw = new TextEncoder().encode("later arrival");
    const { id: deliveryId } = await store.stories.recordDelivery({ channel: "cli", sourceName: "test", raw, sha256: "later", receivedAt: "2100-01-01T00:00:00.000Z" });
    const later = buildNormalizedStory({ guid: "urn:later", headline: "Zzyzx later arrival" });
    const applied = await store.stories.applyDelivery(deliveryId, "ninjs", [later], [], "2100-01-01T00:00:00.000Z");
    expect((await store.stories.listStories({ query: parseSearchQuery("zzyzx"), limit: 5 })).map((s) => s.story.id)).toEqual([applied.results[0]!.id]);
    await store.close();
  });

  it("runs from the command line (text built on a worker thread), with the same stories for the same seed", () => {
    const out = path.join(dir, "cli.db");
    const output = execFileSync(process.execPath, ["--import", "tsx", "bench/generate-db.ts", "--stories", "2000", "--out", out, "--seed", "7", "--days", "30"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(output).toBe("");
    const fromCli = new Database(out, { readonly: true });
    const fromTest = new Database(file, { readonly: true });
    const headlines = (d: Database.Database) => d.prepare("select headline from stories where rowid <= 2000 order by rowid").pluck().all();
    expect((fromCli.prepare("select count(*) from stories").pluck().get() as number)).toBe(2000);
    expect(headlines(fromCli)).toEqual(headlines(fromTest));
    fromCli.close();
    fromTest.close();
  }, 120_000);
});
