"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { NewStoryInput } from "@/server/contract/new-story";
import type { StoryDetail } from "@/server/contract/story";
import { fetchJson } from "../api/fetch-json";
import { applyStoryEvents } from "../realtime/apply-story-event";
import { storyQueries } from "./queries";

/**
 * Creates a desk story over HTTP (`POST /api/stories`) and puts the answer in the cache at once: the
 * pane can show it and the queue lists it before the socket's echo (applied by seq, so harmless).
 */
export function useNewStory() {
  const queryClient = useQueryClient();
  return useCallback(
    async (input: NewStoryInput): Promise<StoryDetail> => {
      const story = await fetchJson<StoryDetail>("/api/stories", { method: "POST", json: input });
      queryClient.setQueryData(storyQueries.detail(story.id).queryKey, story);
      const { bodyHtml: _bodyHtml, bodyText: _bodyText, editorNote: _editorNote, sources: _sources, ...summary } = story;
      applyStoryEvents(queryClient, [{ seq: story.seq, story: summary }]);
      return story;
    },
    [queryClient],
  );
}
