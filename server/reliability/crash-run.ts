import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ChildServer } from "./child-server";

const TOKEN = "crash-run-ingest-token-0123456789";

/** What one crash run found. */
export interface CrashRunResult {
  stories: number;
  /** Stories whose POST got a 2xx before the kill. */
  acknowledgedBeforeKill: number;
  killedAfterMs: number;
  /** Acknowledged before the kill but not in the database after it (must be 0). */
  lostAfterKill: number;
  /** Stories stored more than once after the sender retried everything unacknowledged (must be 0). */
  duplicated: number;
  /** Stories missing at the end (must be 0). */
  missingAtEnd: number;
  integrity: string;
  ms: number;
}

function ninjs(i: number): string {
  return JSON.stringify({ uri: `urn:crash:${i}`, version: "1", type: "text", pubstatus: "usable", urgency: 5, language: "en", headlines: [{ role: "main", value: `Crash story ${i}` }], bodies: [{ role: "main", contenttype: "text/html", value: `<p>Body of crash story ${i}.</p>` }], copyrightholder: "Crash Wire" });
}

async function post(url: string, i: number): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/ingest?format=ninjs`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: ninjs(i) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function storedGuids(dbFile: string): { guids: Map<string, number>; integrity: string } {
  const db = new Database(dbFile);
  try {
    const guids = new Map<string, number>();
    for (const row of db.prepare("select guid, count(*) as n from stories where guid like 'urn:crash:%' group by guid").all() as { guid: string; n: number }[]) guids.set(row.guid, row.n);
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    return { guids, integrity };
  } finally {
    db.close();
  }
}

/**
 * Posts `stories` deliveries to the ingest API as fast as the server takes them (`concurrency` in
 * flight), SIGKILLs the server once `killAt` (0..1) of them were acknowledged, checks the database
 * holds every acknowledged story, restarts the server, re-sends everything unacknowledged and checks
 * each story is there exactly once and the file passes `PRAGMA integrity_check`.
 */
export async function crashRun(options: { stories: number; killAt: number; concurrency?: number }): Promise<CrashRunResult> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-crash-"));
  const server = new ChildServer(path.join(dir, "crash.db"), { WIREDESK_INGEST_TOKEN: TOKEN });
  try {
    await server.start();
    const acknowledged = new Set<number>();
    const killAfter = Math.max(1, Math.floor(options.stories * options.killAt));
    let next = 0;
    const kill: { done: Promise<void> | null } = { done: null };
    const sendStarted = Date.now();
    let killedAfterMs = 0;
    const worker = async () => {
      while (!kill.done && next < options.stories) {
        const i = next++;
        if (await post(server.url, i)) acknowledged.add(i);
        if (!kill.done && acknowledged.size >= killAfter) {
          killedAfterMs = Date.now() - sendStarted;
          kill.done = server.stop("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
    await kill.done;
    const acknowledgedBeforeKill = acknowledged.size;
    const afterKill = storedGuids(server.dbFile);
    const lostAfterKill = [...acknowledged].filter((i) => !afterKill.guids.has(`urn:crash:${i}`)).length;

    await server.start();
    const rest = Array.from({ length: options.stories }, (_, i) => i).filter((i) => !acknowledged.has(i));
    const retry = async () => {
      for (let i = rest.pop(); i !== undefined; i = rest.pop()) {
        while (!(await post(server.url, i))) await new Promise((r) => setTimeout(r, 50));
        acknowledged.add(i);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 16 }, retry));
    await server.stop("SIGTERM");
    const end = storedGuids(server.dbFile);
    return {
      stories: options.stories,
      acknowledgedBeforeKill,
      killedAfterMs,
      lostAfterKill,
      duplicated: [...end.guids.values()].filter((n) => n > 1).length,
      missingAtEnd: options.stories - end.guids.size,
      integrity: end.integrity === afterKill.integrity ? end.integrity : `${afterKill.integrity} (after the kill) / ${end.integrity} (at the end)`,
      ms: Date.now() - started,
    };
  } finally {
    await server.stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}
