"use client";

import { useEffect, useState } from "react";
import { useRealtime, type ConnectionState } from "./socket-provider";

const LABELS: Record<ConnectionState, { text: string; dot: string }> = {
  connecting: { text: "Connecting", dot: "bg-amber-400" },
  connected: { text: "Live", dot: "bg-emerald-500" },
  reconnecting: { text: "Reconnecting…", dot: "bg-amber-500 animate-pulse" },
  offline: { text: "Offline", dot: "bg-red-600" },
};

/** "8 s", "2 min 5 s", "1 h 3 min": how long the desk has been away. */
export function formatAway(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Ticks once a second while `since` is set (the desk is away), so the time away counts up. */
function useAwayFor(since: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? null : Math.max(0, now - since);
}

/** The live connection indicator: connected / reconnecting (with the time away) / offline. */
export function ConnectionStatus() {
  const { state, awaySince } = useRealtime();
  const label = LABELS[state];
  const away = useAwayFor(state === "connected" ? null : awaySince);
  // The label stays still (a live region re-announced every second would drown a screen reader);
  // the time away counts up beside it.
  return (
    <div role="status" aria-label={`Connection: ${label.text}`} data-state={state} className="flex items-center gap-1.5 text-xs">
      <span aria-hidden className={`inline-block size-2 rounded-full ${label.dot}`} />
      <span>{label.text}</span>
      {away === null ? null : (
        <span aria-hidden data-testid="time-away" className="tabular-nums text-slate-500 dark:text-slate-400">
          away {formatAway(away)}
        </span>
      )}
    </div>
  );
}
