import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stories, storyStateCounts, type StoryRecord } from "@/db/schema";
import type { QueueStore } from "../queue-store";
import { appendChange } from "./change-log";
import { countStoriesQuery } from "./list-stories";
import { countSearchQuery } from "./search-stories";

/** The SQLite implementation of queue counts and housekeeping. */
export function createSqliteQueueStore(db: Db): QueueStore {
  return {
    async countStories(filter, cap) {
      const { query } = filter;
      return query ? countSearchQuery(db, { ...filter, query }, cap) : countStoriesQuery(db, filter, cap);
    },
    async countByState() {
      // Kept exact by triggers on stories (see the stories-fts migration), so this does not scan the queue.
      const rows = db.select().from(storyStateCounts).all();
      return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.state, r.count]));
    },
    async countByHourAndAgency(since) {
      // received_at is ISO 8601 UTC, so its first 13 characters name the hour.
      const hour = sql<string>`substr(${stories.receivedAt}, 1, 13)`;
      const rows = db
        .select({ hour, agency: stories.agency, count: sql<number>`count(*)` })
        .from(stories)
        .where(sql`${stories.receivedAt} >= ${since}`)
        .groupBy(hour, stories.agency)
        .orderBy(hour, stories.agency)
        .all();
      return rows.map((r) => ({ hour: `${r.hour}:00:00.000Z`, agency: r.agency, count: r.count }));
    },
    async spikeStale(before, limit) {
      return db.transaction((tx) => {
        const stale = tx
          .select()
          .from(stories)
          .where(and(eq(stories.state, "incoming"), lt(stories.updatedAt, before)))
          .orderBy(asc(stories.updatedAt))
          .limit(limit)
          .all();
        const at = new Date().toISOString();
        const changed: { seq: number; story: StoryRecord }[] = [];
        for (const { rowid: _rowid, ...story } of stale) {
          const seq = appendChange(db, story.id, "auto_spike", null, at);
          const patch = { state: "spiked", seq, rev: story.rev + 1, updatedAt: at };
          tx.update(stories).set(patch).where(eq(stories.id, story.id)).run();
          changed.push({ seq, story: { ...story, ...patch } });
        }
        return changed;
      });
    },
  };
}
