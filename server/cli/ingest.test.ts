import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { IngestResult } from "../contract/ingest";
import type { NormalizedStory } from "../domain/normalized-story";
import { SAMPLES_DIR } from "../ingest/parsers/testing/samples";

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const broken = path.join(dir, "broken.xml");
writeFileSync(broken, "<nitf><head><title>cut off");
const samples = ["newsml-g2/dpa/eil.xml", "nitf/NTB_nitf_sample.xml", "ninjs/2.1/ninjsExSimpleText_2.json"].map((s) => path.join(SAMPLES_DIR, s));

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/ingest.ts", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, WIREDESK_LOG_LEVEL: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run ingest", () => {
  it("--dry-run --json prints the normalized stories as one JSON array, reports a broken file on stderr, exits 1 and opens no database", async () => {
    const db = path.join(dir, "never-created.db");
    const result = await runCli(["--dry-run", "--json", samples[0]!, broken, samples[1]!, samples[2]!], { WIREDESK_DB: db });
    expect(result.code).toBe(1);
    const stories = JSON.parse(result.stdout) as NormalizedStory[];
    expect(stories.map((s) => s.headline)).toEqual([
      "Grünen-Spitze tritt nach Wahlniederlagen ab",
      expect.stringContaining("Pandemien herjer på den legeløse indiske landsbygda"),
      expect.any(String),
    ]);
    expect(stories[0]).toMatchObject({ format: "newsml-g2", guid: "urn:newsml:dpa.com:20090101:240925-930-242744", version: 1, urgency: 2, language: "de" });
    expect(stories[1]).toMatchObject({ format: "nitf", guid: "NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00" });
    expect(stories[2]?.format).toBe("ninjs");
    expect(Object.keys(stories[0]!).sort()).toEqual(
      ["abstract", "agency", "bodyHtml", "bodyText", "byline", "categories", "dateline", "editorNote", "embargoUntil", "firstCreated", "format", "guid", "headline", "keywords", "language", "pubStatus", "signals", "slugline", "subheadline", "supersedes", "urgency", "version", "versionCreated", "wordCount"].sort(),
    );
    expect(result.stderr).toContain(`${broken}: `);
    expect(result.stderr.split("\n").filter((line) => line.startsWith(broken))[0]).toMatch(/: \w+: \S+/);
    expect(existsSync(db)).toBe(false);
  });

  it("ingests files into the configured database; the same file again is a duplicate", async () => {
    const db = path.join(dir, "ingest.db");
    const first = await runCli(["--json", samples[0]!, samples[1]!], { WIREDESK_DB: db });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const results = JSON.parse(first.stdout) as (IngestResult & { file: string })[];
    expect(results.map((r) => [r.file, r.format, r.stories.map((s) => s.outcome)])).toEqual([
      [samples[0], "newsml-g2", ["created"]],
      [samples[1], "nitf", ["created"]],
    ]);
    const again = await runCli([samples[0]!], { WIREDESK_DB: db });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/eil\.xml: delivery \d+ \(newsml-g2\): 1 duplicate/);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare("select headline from stories order by rowid").all()).toEqual([
        { headline: "Grünen-Spitze tritt nach Wahlniederlagen ab" },
        { headline: expect.stringContaining("Pandemien herjer") as unknown },
      ]);
      expect(sqlite.prepare("select channel, source_name as name from deliveries order by id").all()).toEqual([
        { channel: "cli", name: "eil.xml" },
        { channel: "cli", name: "NTB_nitf_sample.xml" },
      ]);
    } finally {
      sqlite.close();
    }
  });

  it("keeps a file that cannot be parsed in quarantine and exits 1", async () => {
    const db = path.join(dir, "quarantine.db");
    const result = await runCli([broken], { WIREDESK_DB: db });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/broken\.xml: unparseable: .+\(kept in quarantine\)/);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare("select status, channel from deliveries").all()).toEqual([{ status: "failed", channel: "cli" }]);
    } finally {
      sqlite.close();
    }
  });

  it("--format forces a format", async () => {
    const forced = await runCli(["--dry-run", "--json", "--format", "nitf", samples[2]!]);
    expect(forced.code).toBe(1);
    expect(JSON.parse(forced.stdout)).toEqual([]);
    expect(forced.stderr).toContain(samples[2]!);
  });

  it.each([
    [["--dry-run"], "give at least one FILE"],
    [["--bogus", "x"], "bogus"],
    [["--format", "pdf", "x"], 'unknown format "pdf"'],
  ])("refuses bad usage %j with exit code 2", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("usage: npm run ingest");
  });

  it("reports a missing file and still prints the others", async () => {
    const result = await runCli(["--dry-run", "--json", path.join(dir, "missing.xml"), samples[0]!]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as NormalizedStory[]).map((s) => s.guid)).toEqual(["urn:newsml:dpa.com:20090101:240925-930-242744"]);
    expect(result.stderr).toContain("missing.xml: cannot read: ENOENT");
  });
});
