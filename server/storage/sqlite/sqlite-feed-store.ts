import { and, asc, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { feeds } from "@/db/schema";
import type { FeedStore } from "../store";

/** The SQLite implementation of the pull-feed store. */
export function createSqliteFeedStore(db: Db): FeedStore {
  return {
    async listFeeds() {
      return db.select().from(feeds).orderBy(asc(feeds.name), asc(feeds.id)).all();
    },
    async getFeed(id) {
      return db.select().from(feeds).where(eq(feeds.id, id)).get() ?? null;
    },
    async createFeed(feed) {
      return db.insert(feeds).values(feed).returning().get();
    },
    async updateFeed(id, patch) {
      if (Object.keys(patch).length === 0) return db.select().from(feeds).where(eq(feeds.id, id)).get() ?? null;
      return db.update(feeds).set(patch).where(eq(feeds.id, id)).returning().get() ?? null;
    },
    async removeFeed(id) {
      return db.delete(feeds).where(eq(feeds.id, id)).run().changes > 0;
    },
    async listDueFeeds(now, limit) {
      return db
        .select()
        .from(feeds)
        .where(and(eq(feeds.enabled, true), lte(feeds.nextPollAt, now)))
        .orderBy(asc(feeds.nextPollAt))
        .limit(limit)
        .all();
    },
  };
}
