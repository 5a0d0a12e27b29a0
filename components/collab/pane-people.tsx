"use client";

import { useMemo, useSyncExternalStore } from "react";
import { initialsOf } from "@/server/contract/initials";
import { usePresence } from "../realtime/use-presence";
import type { CollabProvider } from "./collab-provider";
import { storyColors } from "./user-color";

/** One person in the pane's header: initials in their colour, the name for the pointer and screen readers. */
function Avatar({ name, initials, color, faded }: { name: string; initials: string; color: string; faded?: boolean }) {
  return (
    <li title={name} className={`inline-flex size-6 items-center justify-center rounded-full text-[10px] font-bold text-white ${faded ? "opacity-70 ring-2 ring-slate-300 dark:ring-slate-600" : ""}`} style={{ backgroundColor: color }}>
      <span aria-hidden>{initials}</span>
      <span className="sr-only">{name}</span>
    </li>
  );
}

/** Everyone with a caret in the story (once each): initials in their caret colour; a viewer is not among them. */
export function EditorAvatars({ provider }: { provider: CollabProvider }) {
  const awareness = provider.awareness;
  const key = useSyncExternalStore(
    (listener) => {
      awareness.on("change", listener);
      return () => awareness.off("change", listener);
    },
    // A viewer's own state is never sent (the server refuses a viewer's awareness), so it is not shown to them either.
    () =>
      [...awareness.getStates()]
        .filter(([clientId]) => provider.canEdit || clientId !== awareness.clientID)
        .map(([, state]) => JSON.stringify((state as { user?: unknown }).user ?? null))
        .join("|"),
    () => "",
  );
  // One avatar per person, however many tabs or devices they edit from.
  const people = useMemo(
    () =>
      [...new Set(key.split("|"))].flatMap((json) => {
        const user = JSON.parse(json || "null") as { name: string; color: string } | null;
        return user ? [user] : [];
      }),
    [key],
  );
  return (
    <ul aria-label="Editing now" className="flex items-center gap-1">
      {people.map((p, i) => (
        <Avatar key={`${p.name}-${i}`} name={p.name} initials={initialsOf(p.name)} color={p.color} />
      ))}
    </ul>
  );
}

/**
 * Everyone else who has the story open without editing it (reading it, or watching the editor as a
 * viewer), from the desk's presence: the editors see who is looking over their shoulder. Nothing when nobody is.
 */
export function WatchingAvatars({ storyId, myId }: { storyId: string; myId: string }) {
  const everyone = usePresence(storyId);
  const watching = everyone.filter((v) => v.mode === "viewing" && v.userId !== myId);
  if (watching.length === 0) return null;
  const colorOf = storyColors(everyone.map((v) => v.userId));
  return (
    <ul aria-label="Watching now" className="flex items-center gap-1 border-l border-slate-300 pl-2 dark:border-slate-600">
      {watching.map((v) => (
        <Avatar key={v.userId} name={v.name} initials={v.initials} color={colorOf(v.userId)} faded />
      ))}
    </ul>
  );
}
