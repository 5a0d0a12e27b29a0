import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useReducer, useRef, type RefObject } from "react";
import type { StoryFilters } from "../filters/filter-params";
import { useRealtimeServices } from "../realtime/socket-provider";
import { Departures } from "./departures";
import { removeStories, type StoryListData, type StoryListView } from "./list-pages";
import { matchesFieldFilters } from "./matches-filters";
import { storyQueries } from "./queries";

/** How long a story that stopped matching stays in place, faded, before it leaves. */
export const DEPARTURE_DELAY_MS = 2000;
const SWEEP_MS = 500;

/**
 * Stories that stop matching the filters (e.g. spiked in a view without spiked stories) fade in
 * place and leave after a moment, but never while selected or marked, and never in a way that moves
 * the selected line (`choose` decides, see departures.ts). `beforeRemoval` runs just before they
 * leave the cache.
 */
export function useDepartures(
  filters: StoryFilters,
  viewRef: RefObject<StoryListView>,
  choose: RefObject<(due: readonly string[]) => Set<string>>,
  beforeRemoval: (removed: ReadonlySet<string>) => void,
): Departures {
  const queryClient = useQueryClient();
  const { subscribeStories } = useRealtimeServices();
  const listKey = storyQueries.list(filters).queryKey;
  const keyHash = JSON.stringify(listKey);
  // A new list (other filters) starts with nothing leaving.
  const departures = useMemo(() => new Departures(), [keyHash]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const latest = useRef({ filters, listKey, beforeRemoval });
  latest.current = { filters, listKey, beforeRemoval };

  useEffect(
    () =>
      subscribeStories((events) => {
        let hasChanged = false;
        const now = Date.now();
        for (const { story } of events) {
          if (viewRef.current.indexOf(story.id) < 0) continue;
          const isLeaving = !matchesFieldFilters(story, latest.current.filters, now);
          if (isLeaving === departures.has(story.id)) continue;
          if (isLeaving) departures.mark(story.id, now);
          else departures.cancel(story.id);
          hasChanged = true;
        }
        if (hasChanged) rerender();
      }),
    [subscribeStories, departures, viewRef],
  );

  useEffect(() => {
    const timer = setInterval(() => {
      if (departures.size === 0) return;
      const due = choose.current(departures.due(Date.now(), DEPARTURE_DELAY_MS));
      if (due.size === 0) return;
      departures.forget(due);
      const { listKey: key, beforeRemoval: prepare } = latest.current;
      prepare(due);
      queryClient.setQueryData<StoryListData>(key, (data) => (data ? removeStories(data, due) : data));
    }, SWEEP_MS);
    return () => clearInterval(timer);
  }, [departures, choose, queryClient]);

  return departures;
}
