import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { FeedDto } from "@/server/contract/feeds";
import { fetchJson } from "../api/fetch-json";

/** The scheduler polls in the background; the list is fetched again this often to show it. */
const LIST_REFRESH_MS = 15_000;

/** Query keys and fetchers for the pull feeds. */
export const feedQueries = {
  all: () => ["feeds"] as const,
  list: () => queryOptions({ queryKey: ["feeds", "list"] as const, queryFn: () => fetchJson<{ feeds: FeedDto[] }>("/api/feeds"), refetchInterval: LIST_REFRESH_MS }),
};

/** Puts a feed the API answered into the cached list at once (or takes it out), kept in name order as the server sorts. */
export function storeFeed(queryClient: QueryClient, feed: FeedDto, isRemoved = false): void {
  queryClient.setQueryData(feedQueries.list().queryKey, (data) => {
    if (!data) return data;
    const others = data.feeds.filter((f) => f.id !== feed.id);
    const feeds = isRemoved ? others : [...others, feed];
    return { feeds: feeds.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)) };
  });
}
