"use client";

import { storyColors } from "../collab/user-color";
import { usePresence } from "../realtime/use-presence";

/**
 * Initials of the people looking at (plain) or editing (amber ring) a story, each in their caret colour.
 * `max`: the most round marks there is room for, a "+N" chip counting as one, so a crowd never draws
 * past its place; the label (title and screen readers) names everyone.
 */
export function PresenceAvatars({ storyId, max = 3 }: { storyId: string; max?: number }) {
  const viewers = usePresence(storyId);
  if (viewers.length === 0) return null;
  const shown = viewers.length > max ? viewers.slice(0, max - 1) : viewers;
  const label = viewers.map((v) => `${v.name} ${v.mode}`).join(", ");
  const colorOf = storyColors(viewers.map((v) => v.userId));
  return (
    <span className="flex items-center -space-x-1" title={label}>
      <span className="sr-only">{label}</span>
      {shown.map((v) => (
        <span
          key={v.userId}
          aria-hidden
          data-presence-mode={v.mode}
          style={{ backgroundColor: colorOf(v.userId) }}
          className={`inline-flex size-5 items-center justify-center rounded-full text-[10px] font-bold leading-none text-white ring-2 ${
            v.mode === "editing" ? "ring-amber-400" : "ring-white dark:ring-slate-950"
          }`}
        >
          {v.initials}
        </span>
      ))}
      {/* Clear of the last avatar (ml-1 undoes the overlap), which would otherwise hide its initials. */}
      {shown.length < viewers.length ? (
        <span
          aria-hidden
          data-presence-more
          className="ml-1 inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-slate-200 px-1 text-[10px] font-semibold leading-none text-slate-700 ring-2 ring-white dark:bg-slate-700 dark:text-slate-200 dark:ring-slate-950"
        >
          +{viewers.length - shown.length}
        </span>
      ) : null}
    </span>
  );
}
