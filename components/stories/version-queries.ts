import { queryOptions } from "@tanstack/react-query";
import type { VersionDiff } from "@/server/contract/version-diff";
import { fetchJson } from "../api/fetch-json";

/** One agency version as `GET /api/stories/:id/versions` lists it (only the fields the diff needs). */
export interface StoryVersionEntry {
  agencyVersion: number;
  receivedAt: string;
}

/** Query keys and fetchers for a story's agency versions and their differences. */
export const versionQueries = {
  /** Keyed by the current version, so a new agency version refetches the list. */
  list: (storyId: string, currentVersion: number) =>
    queryOptions({
      queryKey: ["stories", "versions", storyId, currentVersion] as const,
      queryFn: () => fetchJson<{ versions: StoryVersionEntry[] }>(`/api/stories/${encodeURIComponent(storyId)}/versions`),
    }),
  diff: (storyId: string, from: number, to: number) =>
    queryOptions({
      queryKey: ["stories", "diff", storyId, from, to] as const,
      queryFn: () => fetchJson<VersionDiff>(`/api/stories/${encodeURIComponent(storyId)}/diff?from=${from}&to=${to}`),
      staleTime: Infinity, // stored versions never change
    }),
};
