import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ChildServer } from "./child-server";

const run = promisify(execFile);
const TOKEN = "backup-test-ingest-token-0123456789";
const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(name: "backup" | "restore", file: string, dbFile: string) {
  return run(process.execPath, ["--import", "tsx", path.join("server", "cli", `${name}.ts`), file], { env: { ...process.env, WIREDESK_DB: dbFile } });
}

function stories(file: string): { ids: string[]; lastSeq: number; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const ids = (db.prepare("select id from stories order by seq").all() as { id: string }[]).map((r) => r.id);
    const lastSeq = (db.prepare("select coalesce(max(seq), 0) as seq from changes").get() as { seq: number }).seq;
    return { ids, lastSeq, integrity: (db.pragma("integrity_check", { simple: true }) as string) };
  } finally {
    db.close();
  }
}

function storyIdsUpTo(file: string, seq: number): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("select id from stories where seq <= ? order by seq").all(seq) as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

describe("backup and restore (npm run backup / npm run restore)", () => {
  it("backs up a desk under ingest load as one consistent snapshot, and restores it", async () => {
    const dbFile = path.join(dir, "live.db");
    const backupFile = path.join(dir, "snapshot.db");
    const server = new ChildServer(dbFile, { WIREDESK_INGEST_TOKEN: TOKEN });
    await server.start();
    let sent = 0;
    let isLoading = true;
    const post = async () => {
      while (isLoading) {
        const i = sent++;
        const body = JSON.stringify({ uri: `urn:backup:${i}`, version: "1", type: "text", pubstatus: "usable", language: "en", headlines: [{ role: "main", value: `Backup story ${i}` }], bodies: [{ role: "main", contenttype: "text/html", value: "<p>Body.</p>" }] });
        await fetch(`${server.url}/api/ingest?format=ninjs`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body }).then((r) => r.arrayBuffer(), () => undefined);
      }
    };
    try {
      const load = Promise.all([post(), post(), post(), post()]);
      while (sent < 50) await new Promise((r) => setTimeout(r, 20));
      const { stdout } = await cli("backup", backupFile, dbFile);
      expect(stdout).toMatch(/^backed up .* stories up to seq \d+, .* integrity_check ok$/m);
      const sentAtBackup = sent;
      while (sent < sentAtBackup + 30) await new Promise((r) => setTimeout(r, 20));
      isLoading = false;
      await load;
    } finally {
      isLoading = false;
      await server.stop("SIGTERM");
    }

    // The snapshot is exactly the live database as it was at one seq: no later story, no gap.
    const snapshot = stories(backupFile);
    expect(snapshot.integrity).toBe("ok");
    expect(snapshot.ids.length).toBeGreaterThan(0);
    const live = stories(dbFile);
    expect(live.lastSeq).toBeGreaterThan(snapshot.lastSeq);
    expect(storyIdsUpTo(dbFile, snapshot.lastSeq)).toEqual(snapshot.ids);

    // Restoring puts the snapshot back in place of the live file (kept beside it) and it starts.
    const { stdout } = await cli("restore", backupFile, dbFile);
    expect(stdout).toMatch(/kept as .*before-restore-/);
    const restored = stories(dbFile);
    expect(restored).toEqual(snapshot);
    expect(readdirSync(dir).some((name) => name.startsWith("live.db.before-restore-"))).toBe(true);
    const again = new ChildServer(dbFile, { WIREDESK_INGEST_TOKEN: TOKEN });
    await again.start();
    try {
      const health = (await (await fetch(`${again.url}/healthz`)).json()) as { seq: number };
      expect(health.seq).toBe(snapshot.lastSeq);
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    } finally {
      await again.stop("SIGTERM");
    }
  }, 120_000);

  it("says what is wrong with a missing database or backup file and exits 1, touching nothing", async () => {
    const missing = path.join(dir, "nothing-here.db");
    await expect(cli("backup", path.join(dir, "out.db"), missing)).rejects.toThrow(/backup failed: There is no database at/);
    expect(existsSync(path.join(dir, "out.db"))).toBe(false);
    await expect(cli("restore", missing, path.join(dir, "target.db"))).rejects.toThrow(/restore failed: There is no backup at/);
    expect(existsSync(path.join(dir, "target.db"))).toBe(false);
  }, 60_000);
});
