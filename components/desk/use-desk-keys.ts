"use client";

import type { RefObject } from "react";
import { useShortcuts } from "../keyboard/use-shortcuts";
import type { QueueHandle } from "../stories/story-queue";
import type { WorkflowAction } from "../stories/use-story-actions";
import type { ToastMessage } from "../ui/toast";

interface DeskKeys {
  /** The selection as last written (not as last rendered), so fast keys build on each other. */
  selectedId: () => string | null;
  marked: ReadonlySet<string>;
  queueRef: RefObject<QueueHandle | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  articleRef: RefObject<HTMLElement | null>;
  select: (id: string | null) => void;
  open: (id: string) => void;
  act: (ids: readonly string[], action: WorkflowAction) => Promise<void>;
  toggleMark: (id: string) => void;
  clearMarks: () => void;
  toast: ToastMessage | null;
  openHelp: () => void;
  showSubmitted: () => void;
  edit: () => void;
  /** Starts a desk story: blank, or from the marked stories. */
  newStory: (fromMarked: boolean) => void;
}

/** Wires every shortcut of the table in keyboard/shortcuts.ts to the desk. */
export function useDeskKeys(keys: DeskKeys): void {
  const { selectedId, marked, queueRef, searchRef, articleRef, select, open, act, toggleMark, clearMarks, toast, openHelp, showSubmitted, edit, newStory } = keys;
  const onSelected = (action: WorkflowAction) => () => {
    const id = selectedId();
    if (id) void act([id], action);
  };
  useShortcuts({
    next: () => queueRef.current?.move(1),
    previous: () => queueRef.current?.move(-1),
    first: () => queueRef.current?.moveTo("first"),
    last: () => queueRef.current?.moveTo("last"),
    open: () => {
      const id = selectedId();
      if (id) open(id);
    },
    close: () => {
      const id = selectedId();
      if (id && articleRef.current?.contains(document.activeElement)) queueRef.current?.focusLine(id);
      else select(null);
    },
    take: onSelected("take"),
    edit,
    release: onSelected("release"),
    spike: onSelected("spike"),
    unspike: onSelected("unspike"),
    submit: onSelected("submit"),
    approve: onSelected("approve"),
    publish: onSelected("publish"),
    schedule: onSelected("schedule"),
    correct: onSelected("correct"),
    kill: onSelected("kill"),
    submittedFilter: showSubmitted,
    undo: () => toast?.undo?.(),
    mark: () => {
      const id = selectedId();
      if (id) toggleMark(id);
    },
    bulkSpike: () => {
      if (marked.size === 0) return;
      void act([...marked], "spike");
      clearMarks();
    },
    showNew: () => queueRef.current?.revealNew(),
    newStory: () => newStory(false),
    newFromTakes: () => newStory(true),
    search: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    help: openHelp,
  });
}
