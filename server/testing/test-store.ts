import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openMigratedDb, type Db } from "@/db/client";
import type { AppContext } from "../app-context";
import { FailureLimiter } from "../auth/rate-limiter";
import { ParsePool } from "../ingest/parse-pool";
import { parseEnv } from "../env";
import { createLogger } from "../logger";
import { LatePublisher } from "../realtime/publisher";
import { createSqliteStore } from "../storage/sqlite/sqlite-store";

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
  const parsedEnv = parseEnv({ NODE_ENV: "test", WIREDESK_DB: file, WIREDESK_LOG_LEVEL: "silent", ...env });
  const ctx: AppContext = {
    env: parsedEnv,
    store: createSqliteStore(db),
    publisher: new LatePublisher(),
    logger: createLogger("silent"),
    loginLimits: { perAccount: new FailureLimiter(5, 60_000), perAddress: new FailureLimiter(50, 60_000) },
    parser: new ParsePool(parsedEnv.WIREDESK_PARSE_BUDGET_MS),
    now: Date.now,
  };
  return {
    ctx,
    db,
    close() {
      if (db.$client.open) db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
