import { z } from "zod";
import { StoryStateSchema } from "./story";

/** Stories received in one hour from one agency. */
export const HourlyCountSchema = z.object({
  /** Start of the hour, ISO 8601 UTC. */
  hour: z.string(),
  agency: z.string().nullable(),
  count: z.number().int().nonnegative(),
});
export type HourlyCount = z.infer<typeof HourlyCountSchema>;

/**
 * `GET /api/stats`: stories per state, and per hour and agency over the last 24 h (hours with none left out).
 * Given the queue's filters (`GET /api/stories` parameters), the state counts are the filtered queue's,
 * each counted up to `countCap` (a count equal to it means at least that many); `countCap` is null when exact.
 */
export const StatsDtoSchema = z.object({
  states: z.record(StoryStateSchema, z.number().int().nonnegative()),
  hourly: z.array(HourlyCountSchema),
  countCap: z.number().int().positive().nullable(),
});
export type StatsDto = z.infer<typeof StatsDtoSchema>;
