"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { StoryDetail, StorySummary } from "@/server/contract/story";
import { fetchJson } from "../api/fetch-json";
import { applyStoryEvents } from "../realtime/apply-story-event";
import { patchStories, type StoryListData } from "./list-pages";
import { storyQueries } from "./queries";

import type { ActionBody, WorkflowAction } from "@/server/contract/workflow";

export type { WorkflowAction } from "@/server/contract/workflow";

/** What an action did, for the desk's toast. */
export interface ActionOutcome {
  done: StorySummary[];
  failed: { id: string; message: string }[];
}

function toSummary(detail: StoryDetail): StorySummary {
  const { bodyHtml: _bodyHtml, bodyText: _bodyText, editorNote: _editorNote, ...summary } = detail;
  return summary;
}

/**
 * Workflow actions and read state over HTTP. An action's answer goes into the cache at once (by seq,
 * so the socket's echo of the same change is harmless); a refused action reports the server's reason.
 */
export function useStoryActions() {
  const queryClient = useQueryClient();

  const setRead = useCallback(
    (ids: readonly string[], isRead: boolean) => {
      const set = new Set(ids);
      for (const [key, data] of queryClient.getQueriesData<StoryListData>({ queryKey: storyQueries.lists() })) {
        if (data) queryClient.setQueryData(key, patchStories(data, set, (s) => (s.isRead === isRead ? s : { ...s, isRead })));
      }
    },
    [queryClient],
  );

  const run = useCallback(
    async (ids: readonly string[], action: WorkflowAction, extra: Omit<ActionBody, "rev"> = {}): Promise<ActionOutcome> => {
      const results = await Promise.allSettled(
        ids.map((id) => fetchJson<StoryDetail>(`/api/stories/${encodeURIComponent(id)}/actions/${action}`, { method: "POST", json: extra })),
      );
      const outcome: ActionOutcome = { done: [], failed: [] };
      results.forEach((result, i) => {
        if (result.status === "fulfilled") {
          queryClient.setQueryData(storyQueries.detail(result.value.id).queryKey, result.value);
          outcome.done.push(toSummary(result.value));
        } else {
          outcome.failed.push({ id: ids[i]!, message: result.reason instanceof Error ? result.reason.message : "The action failed." });
        }
      });
      applyStoryEvents(
        queryClient,
        outcome.done.map((story) => ({ seq: story.seq, story })),
      );
      return outcome;
    },
    [queryClient],
  );

  const markRead = useCallback(
    async (id: string, isRead = true) => {
      setRead([id], isRead);
      try {
        await fetchJson<void>(`/api/stories/${encodeURIComponent(id)}/read`, { method: isRead ? "POST" : "DELETE" });
      } catch {
        setRead([id], !isRead);
      }
    },
    [setRead],
  );

  return useMemo(() => ({ run, markRead }), [run, markRead]);
}
