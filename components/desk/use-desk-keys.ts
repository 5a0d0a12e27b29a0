"use client";

import type { RefObject } from "react";
import { useShortcuts } from "../keyboard/use-shortcuts";
import type { QueueHandle } from "../stories/story-queue";
import type { WorkflowAction } from "../stories/use-story-actions";
import type { ToastMessage } from "../ui/toast";

interface DeskKeys {
  selectedId: string | null;
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
}

/** Wires every shortcut of the table in keyboard/shortcuts.ts to the desk. */
export function useDeskKeys(keys: DeskKeys): void {
  const { selectedId, marked, queueRef, searchRef, articleRef, select, open, act, toggleMark, clearMarks, toast, openHelp } = keys;
  const onSelected = (action: WorkflowAction) => () => {
    if (selectedId) void act([selectedId], action);
  };
  useShortcuts({
    next: () => queueRef.current?.move(1),
    previous: () => queueRef.current?.move(-1),
    first: () => queueRef.current?.moveTo("first"),
    last: () => queueRef.current?.moveTo("last"),
    open: () => {
      if (selectedId) open(selectedId);
    },
    close: () => {
      if (articleRef.current?.contains(document.activeElement)) queueRef.current?.focus();
      else select(null);
    },
    take: onSelected("take"),
    release: onSelected("release"),
    spike: onSelected("spike"),
    unspike: onSelected("unspike"),
    undo: () => toast?.undo?.(),
    mark: () => {
      if (selectedId) toggleMark(selectedId);
    },
    bulkSpike: () => {
      if (marked.size === 0) return;
      void act([...marked], "spike");
      clearMarks();
    },
    showNew: () => queueRef.current?.revealNew(),
    search: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    help: openHelp,
  });
}
