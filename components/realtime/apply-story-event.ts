import type { QueryClient } from "@tanstack/react-query";
import type { StoryUpsertedEvent } from "@/server/contract/events";
import type { StoryDetail } from "@/server/contract/story";
import type { StoryFilters } from "../filters/filter-params";
import { applyStoryUpserts, type StoryListData } from "../stories/list-pages";
import { acceptsArrival } from "../stories/matches-filters";
import { storyQueries } from "../stories/queries";

/**
 * Applies a batch of `story:upserted` events to every cached list and each story's detail, by seq:
 * an event older than what the cache holds changes nothing, so echoes, replays and reordering are
 * harmless. One cache write per list per batch, copying only the pages that change.
 */
export function applyStoryEvents(queryClient: QueryClient, events: readonly StoryUpsertedEvent[]): void {
  if (events.length === 0) return;
  const stories = events.map((e) => (e.story.seq >= e.seq ? e.story : { ...e.story, seq: e.seq }));
  const now = Date.now();
  for (const [key, data] of queryClient.getQueriesData<StoryListData>({ queryKey: storyQueries.lists() })) {
    if (!data) continue;
    const filters = (key[2] ?? {}) as StoryFilters;
    const next = applyStoryUpserts(data, stories, (story) => acceptsArrival(story, filters, now));
    if (next !== data) queryClient.setQueryData(key, next);
  }
  for (const story of stories) {
    const detailKey = storyQueries.detail(story.id).queryKey;
    const detail = queryClient.getQueryData<StoryDetail>(detailKey);
    if (!detail || detail.seq >= story.seq) continue;
    if (detail.agencyVersion !== story.agencyVersion) void queryClient.invalidateQueries({ queryKey: detailKey });
    else queryClient.setQueryData<StoryDetail>(detailKey, { ...detail, ...story, highlight: undefined, isRead: undefined });
  }
}
