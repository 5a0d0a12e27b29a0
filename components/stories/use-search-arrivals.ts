import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type RefObject } from "react";
import type { StoryPage, StorySummary } from "@/server/contract/story";
import { fetchJson } from "../api/fetch-json";
import { apiParamsForFilters, searchOrder, type StoryFilters } from "../filters/filter-params";
import { useRealtimeServices } from "../realtime/socket-provider";
import { applyStoryUpserts, type StoryListData } from "./list-pages";
import type { StoryListView } from "./list-pages";
import { matchesFieldFilters } from "./matches-filters";
import { storyQueries } from "./queries";

/** Asks the server which of the arrivals match the search, and puts those into the list like any arrival. */
async function joinMatches(queryClient: ReturnType<typeof useQueryClient>, filters: StoryFilters, fresh: readonly StorySummary[]): Promise<void> {
  const params = apiParamsForFilters(filters, Date.now());
  const oldest = fresh.reduce((min, s) => (s.receivedAt < min ? s.receivedAt : min), fresh[0]!.receivedAt);
  const since = params.get("since");
  if (!since || since < oldest) params.set("since", oldest);
  params.set("limit", "100");
  const page = await fetchJson<StoryPage>(`/api/stories?${params.toString()}`);
  const wanted = new Set(fresh.map((s) => s.id));
  const matched = page.stories.filter((s) => wanted.has(s.id));
  if (matched.length === 0) return;
  queryClient.setQueryData<StoryListData>(storyQueries.list(filters).queryKey, (data) => (data ? applyStoryUpserts(data, matched, () => true) : data));
}

/**
 * Stories that arrive during a search. Only the server can match full text, so a newest-first search
 * asks it about each batch of arrivals that pass the other filters, and the matches join the list live
 * (held behind "N new" like any arrival). A relevance search cannot place them: this counts them, and
 * the queue offers to search again.
 */
export function useSearchArrivals(filters: StoryFilters, viewRef: RefObject<StoryListView>, listSeq: number): number {
  const { subscribeStories } = useRealtimeServices();
  const queryClient = useQueryClient();
  const [arrived, setArrived] = useState<ReadonlySet<string>>(new Set());
  const [resetAt, setResetAt] = useState(listSeq);
  if (resetAt !== listSeq) {
    setResetAt(listSeq);
    setArrived(new Set());
  }
  const isSearch = Boolean(filters.q);
  const isNewest = searchOrder(filters) === "newest";

  useEffect(() => {
    if (!isSearch || listSeq < 0) return;
    return subscribeStories((events) => {
      const now = Date.now();
      const fresh = events.filter((e) => e.story.rev === 1 && viewRef.current.indexOf(e.story.id) < 0 && matchesFieldFilters(e.story, filters, now));
      if (fresh.length === 0) return;
      if (isNewest) {
        joinMatches(queryClient, filters, fresh.map((e) => e.story)).catch(() => undefined); // a failed look-up leaves the list as it was
        return;
      }
      setArrived((current) => {
        const next = new Set(current);
        for (const e of fresh) next.add(e.story.id);
        return next;
      });
    });
  }, [isSearch, isNewest, listSeq, filters, subscribeStories, viewRef, queryClient]);

  return isSearch && !isNewest ? arrived.size : 0;
}
