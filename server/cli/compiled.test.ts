import { execFile, type ExecFileException } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INLINE_PARSE_BYTES } from "../ingest/parse-pool";

// What `npm run build` makes for production, run as production runs it: the compiled files in a
// folder of their own, beside a node_modules that lacks tsx (a dev dependency), so nothing here can
// fall back on TypeScript. The server itself is exercised by the browser tests (they run dist/server.js).
const root = mkdtempSync(path.join(tmpdir(), "wiredesk-compiled-"));
const dist = path.join(root, "dist");
const dbFile = path.join(root, "data", "wiredesk.db");

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", WIREDESK_DB: dbFile, ...env }, timeout: 90_000, encoding: "utf8" }, (error: ExecFileException | null, stdout: string, stderr: string) => {
      const code = error?.code;
      resolve({ code: error ? (typeof code === "number" ? code : 1) : 0, stdout, stderr });
    });
  });
}

/** An RSS feed larger than the inline limit, so the compiled parse worker parses it. */
function largeFeed(items: number): string {
  const paragraph = "The harbour authority said the ferry would resume its crossings once the storm had passed. ".repeat(8);
  const body = Array.from({ length: items }, (_, i) =>
    `<item><guid isPermaLink="false">urn:compiled:${i}</guid><title>Ferry update ${i}</title><pubDate>Mon, 30 Nov 2026 10:${String(i % 60).padStart(2, "0")}:00 GMT</pubDate><description>${paragraph}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Compiled test wire</title>${body.join("\n")}</channel></rss>\n`;
}

beforeAll(async () => {
  const build = await run([path.resolve("scripts/build-server.mjs"), dist], { PATH: process.env.PATH ?? "" });
  expect(build.stderr).toContain("Compiled the server and CLIs");
  const modules = path.join(root, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync("node_modules")) {
    if (name !== "tsx" && name !== ".bin") symlinkSync(path.resolve("node_modules", name), path.join(modules, name));
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the compiled server entry points (npm run build)", () => {
  it("are plain JavaScript bundles that never load tsx", () => {
    for (const name of ["server", "parse-worker", "ingest", "user-add", "db-migrate"]) {
      expect(readFileSync(path.join(dist, `${name}.js`), "utf8")).not.toMatch(/["']tsx(\/|["'])/);
    }
  });

  it("db:migrate finds the migrations beside the compiled files, user:add and ingest work, and a large delivery parses on the compiled worker", async () => {
    const planned = await run(["dist/db-migrate.js", "--plan"]);
    expect(planned).toMatchObject({ code: 0, stderr: "" });
    expect(planned.stdout).toMatch(/^0000_init: schema only\n[\s\S]*\n\d+ migrations to apply: under a second in all\.\n$/);
    const migrated = await run(["dist/db-migrate.js"]);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toMatch(new RegExp(`^migrated ${dbFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} in \\d+\\.\\d s\n$`));
    expect((await run(["dist/db-migrate.js", "--plan"])).stdout).toBe("No migrations to apply: the database is up to date.\n");

    const added = await run(["dist/user-add.js", "--email", "ed@compiled.test", "--name", "Ed", "--role", "editor", "--password", "compiled-password"]);
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/^created editor ed@compiled\.test \(.+\)\n$/);

    const feed = path.join(root, "large-feed.xml");
    writeFileSync(feed, largeFeed(120));
    expect(readFileSync(feed).byteLength).toBeGreaterThan(INLINE_PARSE_BYTES);
    const ingested = await run(["dist/ingest.js", "--json", feed]);
    expect(ingested.stderr).toBe("");
    expect(ingested.code).toBe(0);
    const [result] = JSON.parse(ingested.stdout) as { format: string; stories: { outcome: string }[] }[];
    expect(result?.format).toBe("rss");
    expect(result?.stories.filter((s) => s.outcome === "created")).toHaveLength(120);

    const sqlite = new Database(dbFile, { readonly: true });
    try {
      expect(sqlite.prepare("select count(*) as n from stories").get()).toEqual({ n: 120 });
      expect(sqlite.prepare("select email, role from users").all()).toEqual([{ email: "ed@compiled.test", role: "editor" }]);
    } finally {
      sqlite.close();
    }
  }, 120_000);

  it("a bad command line still exits 2 with the usage", async () => {
    const result = await run(["dist/ingest.js", "--format", "pdf", "x.xml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run ingest");
  });
});
