"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import type { StorySummary } from "@/server/contract/story";
import { useDismiss } from "../ui/use-dismiss";
import { WORKFLOW_ACTIONS, WORKFLOW_TABLE } from "@/server/contract/workflow";
import { ACTION_KEYS, ACTION_LABELS, canRun, useDeskUser } from "./action-availability";
import type { WorkflowAction } from "./use-story-actions";

/** Where a line's menu opens and for which story. */
export interface RowMenuState {
  storyId: string;
  x: number;
  y: number;
}

interface RowMenuProps {
  menu: RowMenuState;
  story: StorySummary | undefined;
  isMarked: boolean;
  canEdit: boolean;
  onAction: (id: string, action: WorkflowAction) => void;
  onOpen: (id: string) => void;
  onToggleMark: (id: string) => void;
  onSetRead: (id: string, isRead: boolean) => void;
  onClose: () => void;
}

const ITEM = "block w-full rounded px-3 py-1 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:opacity-40 dark:hover:bg-slate-800 dark:focus:bg-slate-800";

/** A queue line's context menu: every keyboard action, for the mouse. */
export function RowMenu({ menu, story, isMarked, canEdit, onAction, onOpen, onToggleMark, onSetRead, onClose }: RowMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const who = useDeskUser();
  useDismiss(ref, true, onClose);
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus(), []);
  if (!story) return null;
  const pick = (run: () => void) => () => {
    run();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
  };
  const actions: WorkflowAction[] = WORKFLOW_ACTIONS.filter((action) => WORKFLOW_TABLE[action].from.includes(story.state));
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${story.headline}`}
      onKeyDown={onKeyDown}
      style={{ left: Math.min(menu.x, window.innerWidth - 220), top: Math.min(menu.y, window.innerHeight - 260) }}
      className="fixed z-40 w-52 rounded-md border border-slate-200 bg-white p-1 text-xs text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <button type="button" role="menuitem" className={ITEM} onClick={pick(() => onOpen(story.id))}>
        Open <span className="float-right text-slate-400">Enter</span>
      </button>
      {actions.map((action) => (
        <button key={action} type="button" role="menuitem" disabled={!canEdit || !canRun(action, story, who)} className={ITEM} onClick={pick(() => onAction(story.id, action))}>
          {ACTION_LABELS[action]} <span className="float-right text-slate-400">{ACTION_KEYS[action]}</span>
        </button>
      ))}
      <button type="button" role="menuitem" className={ITEM} onClick={pick(() => onToggleMark(story.id))}>
        {isMarked ? "Unmark" : "Mark for a bulk action"} <span className="float-right text-slate-400">x</span>
      </button>
      <button type="button" role="menuitem" className={ITEM} onClick={pick(() => onSetRead(story.id, story.isRead !== true))}>
        {story.isRead === true ? "Mark unread" : "Mark read"}
      </button>
    </div>
  );
}
