import { readFileSync } from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { MIGRATIONS_DIR, pendingMigrations } from "./migration-status";

/** Work in a migration whose time grows with a table: what it does, to which table, over how many rows. */
export interface HeavyWork {
  kind: "search index rebuild" | "table copy" | "index build" | "table update";
  table: string;
  rows: number;
  /** Estimated from this database's own rows, timed on a sample of them on this machine. */
  estimateMs: number;
}

export interface MigrationPlan {
  steps: { tag: string; work: HeavyWork[]; estimateMs: number }[];
  estimateMs: number;
}

const SAMPLE_ROWS = 1000;
/** The statements whose time grows with a table, each with the table it reads (its first group). */
const HEAVY: readonly (readonly [HeavyWork["kind"], RegExp])[] = [
  ["search index rebuild", /^INSERT\s+INTO\s+`?(\w+)`?\s*\(\s*`?\1`?\s*\)\s*VALUES\s*\(\s*'rebuild'\s*\)/i],
  ["table copy", /^INSERT\s+INTO\s+`?\w+`?[\s\S]*?\bSELECT\b[\s\S]*?\bFROM\s+`?(\w+)`?/i],
  ["index build", /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+[\s\S]*?\bON\s+`?(\w+)`?/i],
  ["table update", /^UPDATE\s+`?(\w+)`?\s+SET\b/i],
];

function statements(sql: string): string[] {
  return sql
    .split("--> statement-breakpoint")
    .map((statement) =>
      statement
        .split("\n")
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter(Boolean);
}

function tableExists(sqlite: Database.Database, table: string): boolean {
  return sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table) !== undefined;
}

function rowCount(sqlite: Database.Database, table: string): number {
  return tableExists(sqlite, table) ? (sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n : 0;
}

/** The content table and the other options of an FTS5 table, from its declaration in the migration or the database. */
function ftsSource(sqlite: Database.Database, sql: string, fts: string): { table: string; declaration: string } {
  const declared = new RegExp("CREATE\\s+VIRTUAL\\s+TABLE\\s+`?" + fts + "`?\\s+USING\\s+fts5\\s*\\(([^)]*)\\)", "i");
  const found = declared.exec(sql) ?? declared.exec((sqlite.prepare("select sql from sqlite_master where name = ?").get(fts) as { sql?: string } | undefined)?.sql ?? "");
  const options = (found?.[1] ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const content = options.find((option) => option.startsWith("content="))?.slice("content=".length).replace(/['"`]/g, "");
  return { table: content ?? fts.replace(/_fts$/, ""), declaration: options.filter((option) => !/^content(_rowid)?=/.test(option)).join(", ") };
}

/**
 * Milliseconds per row for a kind of work on `table`: the same work timed on a sample of its rows in a temp
 * table (the better of two tries, so a cold cache does not count), scaled for writing to the database file.
 */
function msPerRow(sqlite: Database.Database, kind: HeavyWork["kind"], table: string, ftsDeclaration: string): number {
  const columns = ftsDeclaration.split(",").map((part) => part.trim()).filter((part) => part && !part.includes("="));
  const once = (): number => {
    const started = performance.now();
    try {
      if (kind === "search index rebuild" && columns.length > 0) {
        sqlite.exec(`create virtual table temp.wd_plan_probe using fts5(${ftsDeclaration})`);
        sqlite.prepare(`insert into temp.wd_plan_probe select ${columns.map((c) => `"${c}"`).join(", ")} from "${table}" limit ${SAMPLE_ROWS}`).run();
      } else {
        sqlite.exec(`create temp table wd_plan_probe as select * from "${table}" limit ${SAMPLE_ROWS}`);
      }
      const sampled = (sqlite.prepare("select count(*) as n from temp.wd_plan_probe").get() as { n: number }).n;
      return (performance.now() - started) / Math.max(1, Math.min(sampled, SAMPLE_ROWS));
    } finally {
      sqlite.exec("drop table if exists temp.wd_plan_probe");
    }
  };
  const perRow = Math.min(once(), once());
  // Measured on generated wire stories: a rebuild or copy that writes to the database file takes about
  // 2-3x the same work in memory; an update rewrites each row and its indexes in place.
  return perRow * (kind === "table update" ? 5 : 2.5);
}

/**
 * What the migrations this database has not applied yet will do, and about how long they will take: every
 * statement whose time grows with a table (a search index rebuild, a table copy, an index build, an
 * update of every row) is timed on a sample of that table's rows here, and scaled to its row count.
 */
export function planMigrations(sqlite: Database.Database, folder = MIGRATIONS_DIR): MigrationPlan {
  const steps = pendingMigrations(sqlite, folder).map((tag) => {
    const sql = readFileSync(path.join(folder, `${tag}.sql`), "utf8");
    const work: HeavyWork[] = [];
    for (const statement of statements(sql)) {
      const found = HEAVY.map(([kind, pattern]) => [kind, pattern.exec(statement)] as const).find(([, match]) => match);
      if (!found) continue;
      const [kind, match] = found;
      const source = kind === "search index rebuild" ? ftsSource(sqlite, sql, match![1]!) : { table: match![1]!, declaration: "" };
      const rows = rowCount(sqlite, source.table);
      if (rows === 0) continue;
      work.push({ kind, table: source.table, rows, estimateMs: Math.round(rows * msPerRow(sqlite, kind, source.table, source.declaration)) });
    }
    return { tag, work, estimateMs: work.reduce((sum, w) => sum + w.estimateMs, 0) };
  });
  return { steps, estimateMs: steps.reduce((sum, s) => sum + s.estimateMs, 0) };
}

function duration(ms: number): string {
  if (ms < 1000) return "under a second";
  if (ms < 90_000) return `about ${Math.round(ms / 1000)} s`;
  return `about ${Math.round(ms / 60_000)} minutes`;
}

/** The plan in sentences for an operator: one line per pending migration, then the total. */
export function describePlan(plan: MigrationPlan): string[] {
  if (plan.steps.length === 0) return ["No migrations to apply: the database is up to date."];
  const lines = plan.steps.map((step) => {
    const work = step.work.map((w) => `${w.kind} of ${w.table} (${w.rows.toLocaleString("en")} rows, ${duration(w.estimateMs)})`);
    return `${step.tag}: ${work.length > 0 ? work.join("; ") : "schema only"}`;
  });
  lines.push(`${plan.steps.length} migration${plan.steps.length === 1 ? "" : "s"} to apply: ${duration(plan.estimateMs)} in all.`);
  return lines;
}
