"use client";

import { userColor } from "../collab/user-color";
import { usePresence } from "../realtime/use-presence";

/** Initials of the people looking at (plain) or editing (amber ring) a story, each in their caret colour. */
export function PresenceAvatars({ storyId, max = 3 }: { storyId: string; max?: number }) {
  const viewers = usePresence(storyId);
  if (viewers.length === 0) return null;
  const shown = viewers.slice(0, max);
  const label = viewers.map((v) => `${v.name} ${v.mode}`).join(", ");
  return (
    <span className="flex items-center -space-x-1" title={label}>
      <span className="sr-only">{label}</span>
      {shown.map((v) => (
        <span
          key={v.userId}
          aria-hidden
          data-presence-mode={v.mode}
          style={{ backgroundColor: userColor(v.userId) }}
          className={`inline-flex size-5 items-center justify-center rounded-full text-[10px] font-bold leading-none text-white ring-2 ${
            v.mode === "editing" ? "ring-amber-400" : "ring-white dark:ring-slate-950"
          }`}
        >
          {v.initials}
        </span>
      ))}
      {viewers.length > max ? <span aria-hidden className="pl-1.5 text-[10px] text-slate-500">+{viewers.length - max}</span> : null}
    </span>
  );
}
