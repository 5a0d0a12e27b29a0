import type { StoryPage } from "@/server/contract/story";
import type { StoryFilters } from "../filters/filter-params";
import { recentStoryEvents } from "../realtime/recent-story-events";
import { applyStoryUpserts } from "./list-pages";
import { acceptsArrival } from "./matches-filters";

/**
 * Brings a freshly fetched page up to date with the story events the page already applied after the
 * page's `seq` (they reached the cache before this list existed): changed stories are replaced by seq,
 * and the first page also takes the arrivals that match. Without this, a list opened while stories
 * stream in could miss the few that arrived during its own request.
 */
export function catchUpPage(page: StoryPage, filters: StoryFilters, isFirstPage: boolean): StoryPage {
  const recent = recentStoryEvents.since(page.seq);
  if (recent.length === 0) return page;
  const now = Date.now();
  const stories = recent.map((e) => e.story);
  const data = applyStoryUpserts({ pages: [page], pageParams: [""] }, stories, (story) => isFirstPage && acceptsArrival(story, filters, now));
  return data.pages[0] ?? page;
}
