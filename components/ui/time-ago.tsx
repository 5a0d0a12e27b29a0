"use client";

import { useNow } from "./use-now";

/** "45s", "3m", "2h", "4d" from `iso` to `now`. */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The exact local date and time of an ISO timestamp, for a tooltip. */
export function exactTime(iso: string): string {
  return exactFormat.format(new Date(iso));
}

/**
 * Shows the exact time on hover for every `<time>` inside `root` that has none yet: one listener for
 * a whole list, so a queue line formats its date only when someone points at it.
 */
export function addExactTimeTitles(root: HTMLElement): () => void {
  const onOver = (event: PointerEvent) => {
    const target = event.target;
    if (target instanceof HTMLTimeElement && !target.title) target.title = exactTime(target.dateTime);
  };
  root.addEventListener("pointerover", onOver, { passive: true });
  return () => root.removeEventListener("pointerover", onOver);
}

/**
 * Relative time ("3m"), the exact time on hover; every instance shares one 15 s clock. With
 * `lazyTitle`, the tooltip is left to `addExactTimeTitles` on a container.
 */
export function TimeAgo({ iso, className = "", lazyTitle = false }: { iso: string; className?: string; lazyTitle?: boolean }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={lazyTitle ? undefined : exactTime(iso)} className={`tabular-nums ${className}`}>
      {relativeTime(iso, now)}
    </time>
  );
}
