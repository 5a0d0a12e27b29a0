"use client";

import { useRealtime, type ConnectionState } from "./socket-provider";

const LABELS: Record<ConnectionState, { text: string; dot: string }> = {
  connecting: { text: "Connecting", dot: "bg-amber-400" },
  connected: { text: "Live", dot: "bg-emerald-500" },
  reconnecting: { text: "Reconnecting", dot: "bg-amber-500 animate-pulse" },
  offline: { text: "Offline", dot: "bg-red-600" },
};

/** The live connection indicator: connected / reconnecting / offline. */
export function ConnectionStatus() {
  const { state } = useRealtime();
  const label = LABELS[state];
  return (
    <div role="status" aria-label={`Connection: ${label.text}`} data-state={state} className="flex items-center gap-1.5 text-xs">
      <span aria-hidden className={`inline-block size-2 rounded-full ${label.dot}`} />
      <span>{label.text}</span>
    </div>
  );
}
