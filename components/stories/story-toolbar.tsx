"use client";

import type { StorySummary } from "@/server/contract/story";
import { WORKFLOW_ACTIONS, WORKFLOW_TABLE } from "@/server/contract/workflow";
import { useDeskTimeZone } from "../ui/desk-time-zone";
import { ACTION_KEYS, ACTION_LABELS, useDeskUser, whyNot } from "./action-availability";
import type { WorkflowAction } from "./use-story-actions";

/** The reading pane's actions: the same as the keys, for the mouse. Impossible ones are disabled. */
export function StoryToolbar({ story, canEdit, onAction, onSetRead }: { story: StorySummary; canEdit: boolean; onAction: (id: string, action: WorkflowAction) => void; onSetRead: (id: string, isRead: boolean) => void }) {
  const who = useDeskUser();
  const timeZone = useDeskTimeZone();
  // The actions the transition table allows from this state; those the user may not run say why.
  const actions = WORKFLOW_ACTIONS.filter((action) => WORKFLOW_TABLE[action].from.includes(story.state));
  return (
    <div role="toolbar" aria-label="Story actions" className="mb-3 flex flex-wrap items-center gap-1.5">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          aria-keyshortcuts={ACTION_KEYS[action]}
          disabled={!canEdit || whyNot(action, story, who, timeZone) !== null}
          title={canEdit ? (whyNot(action, story, who, timeZone) ?? undefined) : "Only editors, chiefs and admins can change stories."}
          onClick={() => onAction(story.id, action)}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {ACTION_LABELS[action]}
          <kbd aria-hidden className="ml-1.5 font-mono text-[10px] text-slate-400">
            {ACTION_KEYS[action]}
          </kbd>
        </button>
      ))}
      <button type="button" onClick={() => onSetRead(story.id, false)} className="ml-auto rounded px-2 py-0.5 text-xs text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800">
        Mark unread
      </button>
    </div>
  );
}
