import type { AppContext } from "../app-context";
import type { StatsDto } from "../contract/stats";
import { STORY_STATES } from "../contract/story";

const HOUR_MS = 3_600_000;

/** Stories per state, and per hour and agency over the last 24 hours (the current hour included). */
export async function getQueueStats(ctx: AppContext, now = new Date()): Promise<StatsDto> {
  const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS).toISOString();
  const [byState, hourly] = await Promise.all([ctx.store.queue.countByState(), ctx.store.queue.countByHourAndAgency(since)]);
  const states = Object.fromEntries(STORY_STATES.map((s) => [s, byState[s] ?? 0])) as StatsDto["states"];
  return { states, hourly };
}
