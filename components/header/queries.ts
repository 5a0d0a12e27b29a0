import { queryOptions } from "@tanstack/react-query";
import type { DeskList } from "@/server/contract/desk";
import type { SavedSearchList } from "@/server/contract/saved-search";
import type { StatsDto } from "@/server/contract/stats";
import { fetchJson } from "../api/fetch-json";
import { apiParamsForFilters, type StoryFilters } from "../filters/filter-params";

/**
 * The header's numbers: stories per state in the queue as filtered now (every filter but the state, so each
 * count is what clicking it shows), and per hour and agency over 24 h.
 */
export const statsQuery = (filters: StoryFilters) =>
  queryOptions({
    queryKey: ["stats", filters] as const,
    queryFn: () => {
      const params = apiParamsForFilters(filters, Date.now());
      params.delete("state");
      const search = params.toString();
      return fetchJson<StatsDto>(`/api/stats${search ? `?${search}` : ""}`);
    },
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });

/** The desks, for the desk switcher. */
export const desksQuery = queryOptions({ queryKey: ["desks"] as const, queryFn: () => fetchJson<DeskList>("/api/desks") });

/** The user's saved searches with their new-match counts (refreshed every minute). */
export const savedSearchesQuery = queryOptions({
  queryKey: ["saved-searches"] as const,
  queryFn: () => fetchJson<SavedSearchList>("/api/saved-searches"),
  refetchInterval: 60_000,
});
