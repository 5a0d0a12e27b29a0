import { and, desc, eq, gte, inArray, lt, lte, notInArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stories } from "@/db/schema";
import type { ListedStory, StoryFilter } from "../store";

/** The WHERE conditions for the queue filters (full-text search aside). */
export function storyFilterConditions(filter: StoryFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.agencies?.length) where.push(inArray(stories.agency, filter.agencies));
  if (filter.excludeAgencies?.length) where.push(notInArray(stories.agency, filter.excludeAgencies));
  if (filter.states?.length) where.push(inArray(stories.state, filter.states));
  if (filter.excludeStates?.length) where.push(notInArray(stories.state, filter.excludeStates));
  if (filter.urgencyMin !== undefined) where.push(gte(stories.urgency, filter.urgencyMin));
  if (filter.urgencyMax !== undefined) where.push(lte(stories.urgency, filter.urgencyMax));
  if (filter.languages?.length) where.push(inArray(stories.language, filter.languages));
  if (filter.deskId) where.push(eq(stories.deskId, filter.deskId));
  if (filter.since) where.push(gte(stories.receivedAt, filter.since));
  if (filter.until) where.push(lte(stories.receivedAt, filter.until));
  if (filter.before !== undefined) where.push(lt(stories.rowid, filter.before));
  return where;
}

/** Lists stories newest first with keyset paging on the queue position. */
export function listStoriesQuery(db: Db, filter: StoryFilter): ListedStory[] {
  const rows = db
    .select()
    .from(stories)
    .where(and(...storyFilterConditions(filter)))
    .orderBy(desc(stories.rowid))
    .limit(filter.limit)
    .all();
  return rows.map(({ rowid, ...story }) => ({ position: rowid, story }));
}
