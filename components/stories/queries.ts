import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { UserDto } from "@/server/contract/auth";
import type { StoryDetail, StoryPage } from "@/server/contract/story";
import { fetchJson } from "../api/fetch-json";

/** Queue filters as they appear in the URL and in `GET /api/stories`. */
export type StoryFilters = Record<string, string>;

/** The one place story query keys are made. */
export const storyQueries = {
  all: () => ["stories"] as const,
  lists: () => ["stories", "list"] as const,
  list: (filters: StoryFilters) =>
    infiniteQueryOptions({
      queryKey: ["stories", "list", filters] as const,
      queryFn: ({ pageParam }) => {
        const params = new URLSearchParams({ ...filters, limit: "100" });
        if (pageParam) params.set("cursor", pageParam);
        return fetchJson<StoryPage>(`/api/stories?${params.toString()}`);
      },
      initialPageParam: "" as string,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) =>
    queryOptions({ queryKey: ["stories", "detail", id] as const, queryFn: () => fetchJson<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`) }),
};

/** The signed-in user. */
export const meQuery = queryOptions({ queryKey: ["me"] as const, queryFn: () => fetchJson<UserDto>("/api/auth/me") });
