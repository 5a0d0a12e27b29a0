"use client";

import { useEffect, type RefObject } from "react";
import type { QueueHandle } from "../stories/story-queue";

/** How long a story must stay in the reading pane to count as read (skimming with j/k does not). */
export const READ_DWELL_MS = 1500;

/** Marks the selected story read once it has been in the reading pane for a moment. */
export function useReadOnDwell(selectedId: string | null, queueRef: RefObject<QueueHandle | null>, markRead: (id: string) => Promise<void>): void {
  useEffect(() => {
    if (!selectedId) return;
    const timer = setTimeout(() => {
      const story = queueRef.current?.story(selectedId);
      if (story && story.isRead !== true) void markRead(selectedId);
    }, READ_DWELL_MS);
    return () => clearTimeout(timer);
  }, [selectedId, queueRef, markRead]);
}
