import type { StoryRecord } from "@/db/schema";
import type { StoryFilter } from "./story-filter";

/** Stories received in one hour (ISO start of the hour) from one agency. */
export interface HourlyCountRow {
  hour: string;
  agency: string | null;
  count: number;
}

/** Counts and bulk housekeeping over the queue. */
export interface QueueStore {
  /** How many stories match the filter (paging fields ignored), counting no further than `cap`. */
  countStories(filter: Omit<StoryFilter, "limit" | "before" | "searchAfter">, cap: number): Promise<number>;
  /** Stories per workflow state (states with none are left out); cheap whatever the size of the queue. */
  countByState(): Promise<Record<string, number>>;
  /** Stories per hour and agency received at or after `since`. */
  countByHourAndAgency(since: string): Promise<HourlyCountRow[]>;
  /**
   * Spikes up to `limit` incoming stories not changed since `before`, oldest first, each as its own
   * change with its own seq (actor null); returns them in seq order.
   */
  spikeStale(before: string, limit: number): Promise<{ seq: number; story: StoryRecord }[]>;
}
