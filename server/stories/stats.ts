import type { AppContext } from "../app-context";
import type { StatsDto } from "../contract/stats";
import { STORY_STATES } from "../contract/story";
import { parseStoryFilters } from "./list-query";

const HOUR_MS = 3_600_000;

/** Filtered state counts stop here (the header then says "10,000+"), so a count never scans the whole queue. */
export const FILTERED_COUNT_CAP = 10_000;

/** The queue parameters that narrow the counts (the state filter does not: each count is one state). */
const FILTER_PARAMS = ["q", "agency", "urgencyMin", "urgencyMax", "category", "language", "since", "until", "desk"];

/**
 * Stories per state, and per hour and agency over the last 24 hours (the current hour included). Given
 * the queue's own filters, the state counts are those of the queue the editor sees, so a count and the
 * lines it filters to always agree; without filters they are the whole desk's, exact.
 */
export async function getQueueStats(ctx: AppContext, params = new URLSearchParams(), now = new Date()): Promise<StatsDto> {
  const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS).toISOString();
  const narrowed = new URLSearchParams([...params].filter(([key]) => FILTER_PARAMS.includes(key)));
  const hourly = await ctx.store.queue.countByHourAndAgency(since);
  if ([...narrowed.keys()].length === 0) {
    const byState = await ctx.store.queue.countByState();
    return { states: Object.fromEntries(STORY_STATES.map((s) => [s, byState[s] ?? 0])) as StatsDto["states"], hourly, countCap: null };
  }
  const { filter } = parseStoryFilters(narrowed);
  const counts = await Promise.all(STORY_STATES.map((state) => ctx.store.queue.countStories({ ...filter, states: [state], excludeStates: [] }, FILTERED_COUNT_CAP)));
  return { states: Object.fromEntries(STORY_STATES.map((s, i) => [s, counts[i] ?? 0])) as StatsDto["states"], hourly, countCap: FILTERED_COUNT_CAP };
}
