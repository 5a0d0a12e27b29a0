import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("migration snapshots", () => {
  // A hand-written migration must leave drizzle-kit's last snapshot matching db/schema.ts, or the next
  // `npm run db:generate` writes a migration that creates again what is already there.
  it("the last snapshot matches the schema: db:generate finds nothing to do", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-snapshot-"));
    try {
      cpSync(path.join(ROOT, "db", "migrations"), path.join(dir, "migrations"), { recursive: true });
      const config = path.join(dir, "drizzle.config.mjs");
      // drizzle-kit reads both paths relative to where it runs.
      writeFileSync(config, `export default ${JSON.stringify({ dialect: "sqlite", schema: path.relative(dir, path.join(ROOT, "db", "schema.ts")), out: "./migrations" })};\n`);
      const before = readdirSync(path.join(dir, "migrations")).length;
      const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "drizzle-kit", "bin.cjs"), "generate", "--config", config], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).toContain("No schema changes");
      expect(readdirSync(path.join(dir, "migrations"))).toHaveLength(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
