"use client";

import { useEffect, useRef } from "react";
import { EDITOR_PANE_ATTRIBUTE, isTypingTarget, shortcutFor, type ShortcutAction } from "./shortcuts";

/** Handlers for the desk's shortcuts; a missing one leaves its key alone. */
export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

function isInQueue(target: EventTarget | null): boolean {
  if (target === document.body || target === null) return true;
  return target instanceof Element && target.closest('[role="listbox"]') !== null;
}

/**
 * Listens for the desk's shortcuts on the whole page. Keys never fire while typing in a field (but
 * Escape leaves the editing pane from any of its fields), and navigation keys (arrows, Enter,
 * Home/End) only in the queue; inside an open menu or dialog only the dialog's own keys work, and a
 * key something else already handled (its default prevented) is left alone.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      // ProseMirror marks every Escape in the body as handled (prosemirror-view's captureKeyDown) and does
      // nothing with it: there Escape still leaves the editor, as from every other field.
      const isBodyEscape = event.key === "Escape" && target instanceof Element && target.closest(".ProseMirror") !== null;
      if (event.defaultPrevented && !isBodyEscape) return;
      if (target instanceof Element && target.closest('[role="menu"], dialog[open]')) return;
      // With the focus dropped (a click on a blank spot), an open editing pane still comes first: Escape leaves it.
      const editorPane = target === document.body ? document.querySelector(`[${EDITOR_PANE_ATTRIBUTE}]`) : target instanceof Element ? target.closest(`[${EDITOR_PANE_ATTRIBUTE}]`) : null;
      const isInEditor = editorPane !== null;
      const isInPane = isInEditor && target !== document.body;
      const action = shortcutFor(event, { isInQueue: isInQueue(target), isInEditor, isInPane, isTyping: isTypingTarget(target) });
      const handler = action ? latest.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
