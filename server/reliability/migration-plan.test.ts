import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describePlan, planMigrations } from "@/db/migration-plan";
import { shippedMigrations } from "@/db/migration-status";
import { generateDatabase } from "@/bench/generate-db";

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-plan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REBUILD = "0007_stories-fts-lighter-writes";

/** A desk database of `stories` generated stories, turned back to before the migration that rebuilds the search index. */
async function beforeRebuild(stories: number): Promise<Database.Database> {
  const out = path.join(dir, `desk-${stories}.db`);
  await generateDatabase({ stories, out, seed: 7 });
  const sqlite = new Database(out);
  const when = shippedMigrations().find((m) => m.tag === REBUILD)!.when;
  sqlite.prepare("delete from __drizzle_migrations where created_at >= ?").run(when);
  return sqlite;
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe("the migration plan", () => {
  it("says before a search index rebuild how long it will take, from this database's own rows", async () => {
    for (const stories of [1000, 4000]) {
      const sqlite = await beforeRebuild(stories);
      try {
        const plan = planMigrations(sqlite);
        expect(plan.steps[0]?.tag).toBe(REBUILD);
        const rebuild = plan.steps[0]!.work;
        expect(rebuild.map(({ kind, table, rows }) => ({ kind, table, rows }))).toEqual([{ kind: "search index rebuild", table: "stories", rows: stories }]);
        const estimate = rebuild[0]!.estimateMs;
        expect(describePlan(plan)[0]).toMatch(new RegExp(`^${REBUILD}: search index rebuild of stories \\(${stories.toLocaleString("en")} rows, (under a second|about \\d+ s)\\)$`));
        expect(describePlan(plan).at(-1)).toMatch(new RegExp(`^${plan.steps.length} migrations to apply: .+ in all\\.$`));
        // The rebuild itself, timed: the estimate is of the same order (a sample of 500 rows, scaled).
        const actual = timed(() => sqlite.exec("insert into stories_fts(stories_fts) values ('rebuild')"));
        expect(estimate, `estimated ${estimate} ms, took ${actual.toFixed(0)} ms`).toBeGreaterThan(actual / 5);
        expect(estimate, `estimated ${estimate} ms, took ${actual.toFixed(0)} ms`).toBeLessThan(actual * 5);
        // Planning applies nothing and leaves no trace.
        expect(sqlite.prepare("select name from sqlite_temp_master").all()).toEqual([]);
      } finally {
        sqlite.close();
      }
    }
  }, 60_000);

  it("counts only work that grows with rows: an empty database plans schema only, in under a second", async () => {
    const sqlite = new Database(":memory:");
    try {
      const plan = planMigrations(sqlite);
      expect(plan.steps.map((s) => s.tag)).toEqual(shippedMigrations().map((m) => m.tag));
      expect(plan.steps.every((s) => s.work.length === 0)).toBe(true);
      expect(describePlan(plan).at(-1)).toBe(`${plan.steps.length} migrations to apply: under a second in all.`);
    } finally {
      sqlite.close();
    }
  });
});
