import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openMigratedDb, type Db } from "@/db/client";
import type { AppContext } from "../app-context";
import { createContext } from "../context";
import { parseEnv } from "../env";
import { createLogger } from "../logger";

/** A context on a temp SQLite file built by the real migrations, without HTTP or sockets. */
export interface TestStore {
  ctx: AppContext;
  db: Db;
  close(): void;
}

/** Opens a fresh migrated database in a temp folder and a context around it (no servers). */
export function openTestStore(env: Record<string, string> = {}): TestStore {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-store-"));
  const file = path.join(dir, "wiredesk.db");
  const db = openMigratedDb(file);
  const ctx = createContext(parseEnv({ NODE_ENV: "test", WIREDESK_DB: file, WIREDESK_LOG_LEVEL: "silent", ...env }), createLogger("silent"), { db });
  return {
    ctx,
    db,
    close() {
      void ctx.parser.close();
      if (db.$client.open) db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
