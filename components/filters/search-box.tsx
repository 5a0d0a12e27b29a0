"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

const DEBOUNCE_MS = 300;

/**
 * The full-text search field (`/` focuses it). It searches as you type, after a short pause, and at
 * once on Enter; Escape applies what was typed at once and goes back to the queue, so the list never
 * changes a moment later under keys meant for it. The query language is explained in its placeholder.
 */
export function SearchBox({ value, inputRef, onSearch, onLeave }: { value: string; inputRef: RefObject<HTMLInputElement | null>; onSearch: (q: string) => void; onLeave: () => void }) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (synced !== value) {
    // The URL changed from elsewhere (back button, a saved search): show it.
    setSynced(value);
    setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  const submit = (q: string) => {
    clearTimeout(timer.current);
    if (q.trim() !== value) onSearch(q.trim());
  };
  return (
    <input
      ref={inputRef}
      type="search"
      aria-label="Search stories"
      aria-keyshortcuts="/"
      placeholder='Search (/): words, "a phrase", OR, -not, pre*'
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => submit(next), DEBOUNCE_MS);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") submit(text);
        if (event.key === "Escape") {
          event.preventDefault();
          submit(text);
          onLeave();
        }
      }}
      className="h-6 w-60 rounded border border-slate-300 bg-white px-2 text-xs placeholder:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-500"
    />
  );
}
