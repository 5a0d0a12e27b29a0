"use client";

import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { useDismiss } from "./use-dismiss";

/** A button that opens a small panel below it (closed by Escape or a click outside). */
export function Popover({
  label,
  buttonText,
  children,
  align = "left",
  buttonClassName = "",
}: {
  label: string;
  buttonText: ReactNode;
  children: (close: () => void) => ReactNode;
  align?: "left" | "right";
  buttonClassName?: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const close = useCallback(() => setIsOpen(false), []);
  useDismiss(ref, isOpen, close);
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-label={label}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
        className={`rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800 ${isOpen ? "bg-slate-200 dark:bg-slate-800" : ""} ${buttonClassName}`}
      >
        {buttonText}
      </button>
      {isOpen ? (
        <div
          id={panelId}
          role="group"
          aria-label={label}
          className={`absolute top-full z-30 mt-1 min-w-56 rounded-md border border-slate-200 bg-white p-2 text-xs text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${
            align === "right" ? "right-0" : "left-0"
          }`}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
