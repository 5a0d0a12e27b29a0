"use client";

import { useCallback } from "react";
import type { StorySummary } from "@/server/contract/story";
import { ACTION_LABELS } from "../stories/action-availability";
import { useStoryActions, type WorkflowAction } from "../stories/use-story-actions";
import type { ToastMessage } from "../ui/toast";

const PAST: Record<WorkflowAction, string> = { take: "Took", release: "Released", spike: "Spiked", unspike: "Unspiked" };

function describe(verb: string, stories: readonly StorySummary[]): string {
  return stories.length === 1 ? `${verb} “${stories[0]!.headline}”` : `${verb} ${stories.length} stories`;
}

/**
 * Runs workflow actions on one or many stories and reports in a toast; a spike offers an undo
 * (button or z) that unspikes exactly the stories it spiked.
 */
export function useTriage(canEdit: boolean, show: (toast: Omit<ToastMessage, "id">) => void) {
  const { run, markRead } = useStoryActions();
  const act = useCallback(
    async (ids: readonly string[], action: WorkflowAction): Promise<void> => {
      if (ids.length === 0) return;
      if (!canEdit) {
        show({ text: `${ACTION_LABELS[action]} needs an editor account.`, tone: "error" });
        return;
      }
      const outcome = await run(ids, action);
      const failure = outcome.failed[0];
      if (failure && outcome.done.length === 0) {
        show({ text: failure.message, tone: "error" });
        return;
      }
      const text = describe(PAST[action], outcome.done) + (failure ? ` (${outcome.failed.length} refused: ${failure.message})` : "");
      const spiked = outcome.done.map((s) => s.id);
      show({ text, tone: failure ? "error" : "info", undo: action === "spike" ? () => void act(spiked, "unspike") : undefined });
    },
    [canEdit, run, show],
  );
  return { act, markRead };
}
