import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { StoryUpsertedEvent } from "@/server/contract/events";
import type { StoryDetail, StoryPage, StorySummary } from "@/server/contract/story";
import { matchesFilters } from "../stories/matches-filters";
import type { StoryFilters } from "../stories/queries";

type ListData = InfiniteData<StoryPage, string>;

function upsertInList(data: ListData, filters: StoryFilters, story: StorySummary): ListData {
  let found = false;
  const pages = data.pages.map((page) => {
    const index = page.stories.findIndex((s) => s.id === story.id);
    if (index < 0) return page;
    found = true;
    const current = page.stories[index]!;
    if (current.seq >= story.seq) return page; // an echo or an older event: harmless
    const next = [...page.stories];
    next[index] = { ...story, highlight: current.highlight };
    return { ...page, stories: next };
  });
  if (found) return { ...data, pages };
  const first = pages[0];
  // A story we have not loaded joins the top only when it is new to the queue (received after our newest).
  const newest = first?.stories[0];
  const isNew = !newest || story.receivedAt >= newest.receivedAt;
  if (!first || !isNew || !matchesFilters(story, filters)) return data;
  return { ...data, pages: [{ ...first, stories: [story, ...first.stories] }, ...pages.slice(1)] };
}

/**
 * Applies a `story:upserted` event to every cached list and the story's detail, by seq:
 * an event older than what the cache holds changes nothing, so echoes and reordering are harmless.
 */
export function applyStoryEvent(queryClient: QueryClient, event: StoryUpsertedEvent): void {
  const { story } = event;
  for (const [key, data] of queryClient.getQueriesData<ListData>({ queryKey: ["stories", "list"] })) {
    if (!data) continue;
    const filters = (key[2] ?? {}) as StoryFilters;
    const next = upsertInList(data, filters, story);
    if (next !== data) queryClient.setQueryData(key, next);
  }
  const detailKey = ["stories", "detail", story.id];
  const detail = queryClient.getQueryData<StoryDetail>(detailKey);
  if (detail && detail.seq < story.seq) {
    if (detail.agencyVersion !== story.agencyVersion) void queryClient.invalidateQueries({ queryKey: detailKey });
    else queryClient.setQueryData<StoryDetail>(detailKey, { ...detail, ...story });
  }
}
