import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { StoryDetail, StoryPage } from "@/server/contract/story";
import { fetchJson } from "../api/fetch-json";
import { catchUpPage } from "./catch-up-page";
import { apiParamsForFilters, type StoryFilters } from "../filters/filter-params";

export type { StoryFilters } from "../filters/filter-params";

/** The first page is small so the queue shows fast; later pages are as large as the API allows. */
export const FIRST_PAGE_SIZE = 200;
export const NEXT_PAGE_SIZE = 500;

/** The one place story query keys are made. */
export const storyQueries = {
  all: () => ["stories"] as const,
  lists: () => ["stories", "list"] as const,
  list: (filters: StoryFilters) =>
    infiniteQueryOptions({
      queryKey: ["stories", "list", filters] as const,
      queryFn: async ({ pageParam, signal }) => {
        const params = apiParamsForFilters(filters, Date.now());
        params.set("limit", String(pageParam ? NEXT_PAGE_SIZE : FIRST_PAGE_SIZE));
        if (pageParam) params.set("cursor", pageParam);
        const page = await fetchJson<StoryPage>(`/api/stories?${params.toString()}`, { signal });
        return catchUpPage(page, filters, !pageParam);
      },
      initialPageParam: "",
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      // Live updates copy only the pages they change; a deep compare of 50,000 stories per batch would cost more than it saves.
      structuralSharing: false,
    }),
  detail: (id: string) =>
    queryOptions({ queryKey: ["stories", "detail", id] as const, queryFn: () => fetchJson<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`) }),
};
