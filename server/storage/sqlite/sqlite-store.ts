import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Store } from "../store";
import { Checkpointer } from "./checkpointer";
import { createSqliteAccountStore } from "./sqlite-account-store";
import { createSqliteDeskStore } from "./sqlite-desk-store";
import { createSqliteQueueStore } from "./sqlite-queue-store";
import { createSqliteFeedStore } from "./sqlite-feed-store";
import { createSqliteStoryStore } from "./sqlite-story-store";
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
  return {
    stories: createSqliteStoryStore(db),
    accounts: createSqliteAccountStore(db),
    queue: createSqliteQueueStore(db),
    desks: createSqliteDeskStore(db),
    userData: createSqliteUserDataStore(db),
    feeds: createSqliteFeedStore(db),
    async ping() {
      return db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
    },
    async close() {
      await checkpointer?.stop();
      if (db.$client.open) db.$client.close();
    },
  };
}
