import { useEffect, useState, type RefObject } from "react";
import type { StoryFilters } from "../filters/filter-params";
import { useRealtimeServices } from "../realtime/socket-provider";
import type { StoryListView } from "./list-pages";
import { matchesFieldFilters } from "./matches-filters";

/**
 * A search list takes no live arrivals (only the server can match full text), so this counts the
 * stories that arrived since it loaded (at `listSeq`) and pass the other filters: the queue offers to search again.
 */
export function useSearchArrivals(filters: StoryFilters, viewRef: RefObject<StoryListView>, listSeq: number): number {
  const { subscribeStories } = useRealtimeServices();
  const [arrived, setArrived] = useState<ReadonlySet<string>>(new Set());
  const [resetAt, setResetAt] = useState(listSeq);
  if (resetAt !== listSeq) {
    setResetAt(listSeq);
    setArrived(new Set());
  }
  const isSearch = Boolean(filters.q);

  useEffect(() => {
    if (!isSearch) return;
    return subscribeStories((events) => {
      const now = Date.now();
      const fresh = events.filter((e) => e.story.rev === 1 && viewRef.current.indexOf(e.story.id) < 0 && matchesFieldFilters(e.story, filters, now));
      if (fresh.length === 0) return;
      setArrived((current) => {
        const next = new Set(current);
        for (const e of fresh) next.add(e.story.id);
        return next;
      });
    });
  }, [isSearch, filters, subscribeStories, viewRef]);

  return isSearch ? arrived.size : 0;
}
