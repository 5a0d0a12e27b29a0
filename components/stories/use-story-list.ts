import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { StoryFilters } from "../filters/filter-params";
import { useRealtimeServices } from "../realtime/socket-provider";
import { createListView } from "./list-pages";
import { storyQueries } from "./queries";

/**
 * The queue list for the filters (the query key is the filters), read as one view over its pages.
 * The first load also tells the realtime cursor where live updates start.
 */
export function useStoryList(filters: StoryFilters) {
  const { cursor } = useRealtimeServices();
  const query = useInfiniteQuery({ ...storyQueries.list(filters), placeholderData: keepPreviousData });
  const view = useMemo(() => createListView(query.data), [query.data]);
  const firstSeq = query.isPlaceholderData ? undefined : query.data?.pages[0]?.seq;
  useEffect(() => {
    if (firstSeq !== undefined) cursor.listLoaded(firstSeq);
  }, [cursor, firstSeq]);
  const isLoaded = query.data !== undefined && !query.isPlaceholderData;
  return { query, view, isLoaded };
}
