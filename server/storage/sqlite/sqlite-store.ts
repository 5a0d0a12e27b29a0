import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Store } from "../store";
import { Checkpointer } from "./checkpointer";
import { createSqliteAccountStore } from "./sqlite-account-store";
import { createSqliteDeskCopyStore } from "./sqlite-desk-copy-store";
import { createSqliteDeskStore } from "./sqlite-desk-store";
import { createSqliteQueueStore } from "./sqlite-queue-store";
import { createSqliteAlarmStore } from "./sqlite-alarm-store";
import { createSqliteFeedStore } from "./sqlite-feed-store";
import { createSqliteHousekeepingStore, createSqliteJobLeaseStore } from "./sqlite-housekeeping-store";
import { createSqliteOpsStore } from "./sqlite-ops-store";
import { createSqlitePublishingStore } from "./sqlite-publishing-store";
import { createSqliteWebhookStore } from "./sqlite-webhook-store";
import { createSqliteStoryStore } from "./sqlite-story-store";
import { GroupCommit } from "./group-commit";
import { createSqliteUserDataStore } from "./sqlite-user-data-store";

/** How the store runs beside a long-lived process. */
export interface SqliteStoreOptions {
  /**
   * Checkpoint the WAL on a worker thread instead of inside commits (see Checkpointer); `onError`
   * hears why checkpoints went back to the writer. Off by default: short-lived stores need no thread.
   */
  backgroundCheckpoints?: { onError: (message: string) => void };
}

/** The embedded SQLite store (the default). */
export function createSqliteStore(db: Db, options: SqliteStoreOptions = {}): Store {
  const checkpointer = options.backgroundCheckpoints ? Checkpointer.start(db.$client, options.backgroundCheckpoints.onError) : null;
  // Ingested stories and co-editing keystrokes that arrive in the same turn share one commit.
  const group = new GroupCommit(db.$client);
  return {
    stories: createSqliteStoryStore(db, group),
    accounts: createSqliteAccountStore(db),
    queue: createSqliteQueueStore(db),
    desks: createSqliteDeskStore(db),
    userData: createSqliteUserDataStore(db),
    feeds: createSqliteFeedStore(db),
    ops: createSqliteOpsStore(db),
    publishing: createSqlitePublishingStore(db),
    webhooks: createSqliteWebhookStore(db),
    deskCopy: createSqliteDeskCopyStore(db, group),
    housekeeping: createSqliteHousekeepingStore(db),
    leases: createSqliteJobLeaseStore(db),
    alarms: createSqliteAlarmStore(db),
    async ping() {
      return db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
    },
    async close() {
      await checkpointer?.stop();
      if (db.$client.open) db.$client.close();
    },
  };
}
