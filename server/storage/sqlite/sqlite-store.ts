import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Store } from "../store";
import { createSqliteAccountStore } from "./sqlite-account-store";
import { createSqliteDeskStore } from "./sqlite-desk-store";
import { createSqliteQueueStore } from "./sqlite-queue-store";
import { createSqliteFeedStore } from "./sqlite-feed-store";
import { createSqliteStoryStore } from "./sqlite-story-store";
import { createSqliteUserDataStore } from "./sqlite-user-data-store";

/** The embedded SQLite store (the default). */
export function createSqliteStore(db: Db): Store {
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
      if (db.$client.open) db.$client.close();
    },
  };
}
