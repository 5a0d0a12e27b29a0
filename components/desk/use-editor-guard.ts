"use client";

import { useCallback, useEffect, useRef } from "react";

/** What the editing pane answers before its story is taken from it. */
export interface EditorGuard {
  /** The story being edited. */
  storyId: string;
  /** True when closing the pane now would lose something (fields changed and not saved). */
  hasUnsaved(): boolean;
  /** Asks the editor; true once they chose to leave without saving, false when they keep editing. */
  confirmLeave(): Promise<boolean>;
}

/** The Navigation API, as far as the guard uses it (TypeScript's DOM library does not describe it yet). */
interface Navigation extends EventTarget {
  traverseTo(key: string): unknown;
}
interface NavigateEvent extends Event {
  navigationType: "push" | "replace" | "reload" | "traverse";
  destination: { url: string; key: string };
}

/** The story a desk address selects (`/?story=…` or `/stories/…`); null for any other page. */
function storyOf(url: URL): string | null {
  return url.searchParams.get("story") ?? /^\/stories\/([^/]+)\/?$/.exec(url.pathname)?.[1] ?? null;
}

/**
 * The one gate before the editing pane loses its story: Done, Escape, another line, j/k, an alert,
 * a new story, the browser's back and forward, a link to another page of the app (Account, an admin
 * screen). Co-edited text is saved as it is typed; only the fields saved with a button can be lost,
 * and those never without the editor's word. Closing or reloading the tab is the browser's own
 * question (beforeunload, in the editor).
 */
export function useEditorGuard() {
  const guardRef = useRef<EditorGuard | null>(null);
  /** The pane's guard, when taking the pane off its story (for `nextStoryId`, null: none) would lose something. */
  const guardAgainst = useCallback((nextStoryId: string | null) => {
    const guard = guardRef.current;
    return guard && guard.storyId !== nextStoryId && guard.hasUnsaved() ? guard : null;
  }, []);
  /** Runs `proceed` at once, or once the editor has agreed to leave. */
  const leaveFor = useCallback(
    (nextStoryId: string | null, proceed: () => void) => {
      const guard = guardAgainst(nextStoryId);
      if (!guard) proceed();
      else void guard.confirmLeave().then((isLeaving) => isLeaving && proceed());
    },
    [guardAgainst],
  );

  // The browser's back and forward within the desk: the router acts on them at once, so they are held
  // before they happen (a browser may refuse to hold a second Back with no click or key between).
  useEffect(() => {
    const navigation = (window as { navigation?: Navigation }).navigation;
    if (!navigation) return;
    const onNavigate = (event: Event) => {
      const { navigationType, destination } = event as NavigateEvent;
      const guard = navigationType === "traverse" && event.cancelable ? guardAgainst(new URL(destination.url).searchParams.get("story")) : null;
      if (!guard) return;
      event.preventDefault();
      void guard.confirmLeave().then((isLeaving) => isLeaving && navigation.traverseTo(destination.key));
    };
    navigation.addEventListener("navigate", onNavigate);
    return () => navigation.removeEventListener("navigate", onNavigate);
  }, [guardAgainst]);

  // A link within the app: the router would move at once, with no unload to ask at. Held before the
  // page's own handlers see the click (capture on window); once the editor agrees, the same link is
  // clicked again and let through, so it does what it always does.
  useEffect(() => {
    let letThrough: Element | null = null;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link !== null && link === letThrough) return;
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      // A link in the text being edited is text: a click there places the caret, it goes nowhere.
      if ((link.target && link.target !== "_self") || link.hasAttribute("download") || link.isContentEditable) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return; // leaving the app: the browser asks (beforeunload)
      const guard = guardAgainst(storyOf(url));
      if (!guard) return;
      event.preventDefault();
      event.stopPropagation();
      void guard.confirmLeave().then((isLeaving) => {
        if (!isLeaving) return;
        letThrough = link;
        link.click(); // dispatched at once: the handler above lets it through
        letThrough = null;
      });
    };
    window.addEventListener("click", onClick, true);
    return () => window.removeEventListener("click", onClick, true);
  }, [guardAgainst]);

  return { guardRef, leaveFor };
}
