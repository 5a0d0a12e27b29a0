"use client";

import { useCallback } from "react";
import type { StorySummary } from "@/server/contract/story";
import { holderSentence } from "@/server/contract/refusal-words";
import { ACTION_DONE, isOnAnothersStory, type ActionSubject } from "@/server/contract/workflow";
import { ACTION_LABELS, whyNot } from "../stories/action-availability";
import type { ConfirmRequest } from "../ui/confirm-dialog";
import { useStoryActions, type WorkflowAction } from "../stories/use-story-actions";
import type { ActionExtra } from "../stories/action-dialog";
import type { ToastMessage } from "../ui/toast";

// "Took 3 stories", not "Taken": the desk says what the editor just did.
const PAST: Record<WorkflowAction, string> = { ...ACTION_DONE, take: "Took" };

function describe(verb: string, stories: readonly StorySummary[]): string {
  return stories.length === 1 ? `${verb} “${stories[0]!.headline}”` : `${verb} ${stories.length} stories`;
}

/** What triage needs to know before it acts: the stories as the desk sees them, who asks, and how to ask back. */
export interface TriageContext {
  lookup: (id: string) => StorySummary | undefined;
  who: ActionSubject;
  timeZone: string | undefined;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  /** Asks for what correct, kill and schedule need (a note, a reason, a time); null when cancelled. */
  ask: (action: WorkflowAction, count: number) => Promise<ActionExtra | null>;
  /** Called with the ids an action is about to change (so the holder notices can tell their own actions apart). */
  onActing?: (ids: readonly string[]) => void;
}

/** Asks before acting on stories someone else holds (chiefs and admins may; the server refuses editors). */
async function confirmOthers(action: WorkflowAction, stories: readonly StorySummary[], context: Pick<TriageContext, "who" | "timeZone" | "confirm">): Promise<boolean> {
  const others = stories.filter((s) => isOnAnothersStory(action, s, context.who.userId));
  if (others.length === 0) return true;
  const label = ACTION_LABELS[action];
  const first = others[0]!;
  const text =
    others.length === 1
      ? `${holderSentence(first, context.who.userId, context.timeZone)}. ${label} “${first.headline}” anyway? They will be told.`
      : `${others.length} of these stories are taken by other editors. ${label} them anyway? They will be told.`;
  return context.confirm({ title: `${label} someone else's story?`, text, confirmLabel: label });
}

/**
 * Runs workflow actions on one or many stories and reports in a toast; a spike offers an undo
 * (button or z) that unspikes exactly the stories it spiked. An action the desk can already tell is
 * refused (a disabled button, a shortcut that cannot apply) only says why, politely; one on a story
 * someone else holds asks first; correct, kill and schedule then `ask` for their note, reason or time.
 */
export function useTriage(canEdit: boolean, show: (toast: Omit<ToastMessage, "id">) => void, context: TriageContext) {
  const { run, markRead } = useStoryActions();
  const { lookup, who, timeZone, confirm, onActing, ask } = context;
  const act = useCallback(
    async (ids: readonly string[], action: WorkflowAction): Promise<void> => {
      if (ids.length === 0) return;
      if (!canEdit) {
        show({ text: `${ACTION_LABELS[action]}: only editors, chiefs and admins can change stories; you can read them.`, tone: "info" });
        return;
      }
      const known = ids.map(lookup).filter((s): s is StorySummary => s !== undefined);
      if (ids.length === 1 && known[0]) {
        const refusal = whyNot(action, known[0], who, timeZone);
        if (refusal) {
          show({ text: refusal, tone: "info" });
          return;
        }
      }
      if (!(await confirmOthers(action, known, { who, timeZone, confirm }))) return;
      const extra = await ask(action, ids.length);
      if (!extra) return;
      onActing?.(ids);
      const outcome = await run(ids, action, extra);
      const failure = outcome.failed[0];
      if (failure && outcome.done.length === 0) {
        show({ text: failure.message, tone: "error" });
        return;
      }
      const text = describe(PAST[action], outcome.done) + (failure ? ` (${outcome.failed.length} refused: ${failure.message})` : "");
      const spiked = outcome.done.map((s) => s.id);
      show({ text, tone: failure ? "error" : "info", undo: action === "spike" ? () => void act(spiked, "unspike") : undefined });
    },
    [canEdit, run, show, lookup, who, timeZone, confirm, onActing, ask],
  );
  return { act, markRead };
}
