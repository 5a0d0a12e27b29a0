import { queryOptions } from "@tanstack/react-query";
import type { DeskDiff, DeskDiffSide, DeskVersionList } from "@/server/contract/desk-copy";
import { fetchJson } from "../api/fetch-json";

const base = (storyId: string) => `/api/stories/${encodeURIComponent(storyId)}`;

/** Query keys, fetchers and changes of a story's desk copy: kept versions, their differences, restore and bring-in. */
export const deskCopyQueries = {
  versions: (storyId: string) =>
    queryOptions({ queryKey: ["stories", "desk-versions", storyId] as const, queryFn: () => fetchJson<DeskVersionList>(`${base(storyId)}/desk-versions`), staleTime: 0 }),
  /** `revision` (the story's last change) is in the key: the current copy moves as people type. */
  diff: (storyId: string, from: DeskDiffSide, to: DeskDiffSide, revision: string) =>
    queryOptions({
      queryKey: ["stories", "desk-diff", storyId, from, to, revision] as const,
      queryFn: () => fetchJson<DeskDiff>(`${base(storyId)}/desk-diff?from=${from}&to=${to}`),
      placeholderData: (previous) => previous,
    }),
  restore: (storyId: string, versionId: number) => fetchJson<{ ok: true }>(`${base(storyId)}/desk-versions/${versionId}/restore`, { method: "POST", json: {} }),
  bringIn: (storyId: string) => fetchJson<{ ok: true }>(`${base(storyId)}/agency-update/bring-in`, { method: "POST", json: {} }),
};
