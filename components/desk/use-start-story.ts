"use client";

import { useCallback, useRef, type RefObject } from "react";
import { ALL_DESKS } from "../filters/filter-params";
import type { QueueHandle } from "../stories/story-queue";
import { useNewStory } from "../stories/use-new-story";
import type { ToastMessage } from "../ui/toast";

interface StartStory {
  canEdit: boolean;
  /** The desk filter in view: a new story belongs to that desk when it names one. */
  desk: string | undefined;
  queueRef: RefObject<QueueHandle | null>;
  show: (toast: Omit<ToastMessage, "id">) => void;
  /** Selects the new story and opens the editing pane on it. */
  onStarted: (id: string) => void;
}

/**
 * Starts a desk story, blank or from takes (sent in the order the queue shows them), and opens it
 * for editing; one request at a time, so a held Shift+N makes one story. Answers whether it worked.
 */
export function useStartStory({ canEdit, desk, queueRef, show, onStarted }: StartStory) {
  const create = useNewStory();
  const isBusy = useRef(false);
  return useCallback(
    async (takeIds: readonly string[]): Promise<boolean> => {
      if (!canEdit) {
        show({ text: "New story: only editors, chiefs and admins can write stories; you can read them.", tone: "info" });
        return false;
      }
      if (isBusy.current) return false;
      isBusy.current = true;
      try {
        const deskId = desk && desk !== ALL_DESKS && !desk.includes(",") ? desk : undefined;
        const fromStoryIds = takeIds.length > 0 ? (queueRef.current?.inQueueOrder(takeIds) ?? [...takeIds]) : undefined;
        const story = await create({ deskId, fromStoryIds });
        onStarted(story.id);
        return true;
      } catch (error) {
        show({ text: `New story: ${error instanceof Error ? error.message : "the server did not answer."}`, tone: "error" });
        return false;
      } finally {
        isBusy.current = false;
      }
    },
    [canEdit, desk, queueRef, show, onStarted, create],
  );
}
