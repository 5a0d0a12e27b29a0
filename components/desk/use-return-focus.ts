"use client";

import { useCallback, type RefObject, type SyntheticEvent } from "react";
import type { QueueHandle } from "../stories/story-queue";

/** True inside a panel that an expanded control opened (a popover's content, by `aria-controls`). */
function isInOpenPanel(control: Element): boolean {
  for (let element = control.parentElement; element; element = element.parentElement) {
    if (element.id && document.querySelector(`[aria-controls="${CSS.escape(element.id)}"][aria-expanded="true"]`)) return true;
  }
  return false;
}

/** Controls that keep the focus after use: typing fields, anything that opened a menu or popover, and what is inside one. */
function keepsFocus(control: Element): boolean {
  if (control instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(control.type)) return true;
  if (control instanceof HTMLTextAreaElement) return true;
  if (control.getAttribute("aria-expanded") === "true") return true;
  return control.closest('[role="menu"], [role="dialog"], [role="listbox"], dialog') !== null || isInOpenPanel(control);
}

/**
 * After a header or filter control has done its job (a click, a choice), the focus goes back to the
 * queue, so Enter and the shortcuts act on the stories, not on the control again.
 */
export function useReturnFocusToQueue(queueRef: RefObject<QueueHandle | null>) {
  return useCallback(
    (event: SyntheticEvent) => {
      const control = (event.target as Element).closest("button, select, input, a");
      if (!control || keepsFocus(control)) return;
      requestAnimationFrame(() => {
        const active = document.activeElement;
        // Only when the focus is still on that control (or was dropped): a popover that took it keeps it.
        if (active !== control && active !== document.body && active !== null) return;
        if (control.getAttribute("aria-expanded") === "true") return;
        queueRef.current?.focus();
      });
    },
    [queueRef],
  );
}
