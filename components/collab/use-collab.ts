"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useRealtimeServices } from "../realtime/socket-provider";
import { CollabProvider } from "./collab-provider";

const NOOP = () => () => undefined;

/** The shared document of a story while the component lives (joined to edit or to watch). */
export function useCollab(storyId: string, edit: boolean): CollabProvider | null {
  const { getSocket } = useRealtimeServices();
  const [provider, setProvider] = useState<CollabProvider | null>(null);
  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    const next = new CollabProvider(socket, storyId, { edit });
    setProvider(next);
    return () => {
      next.destroy();
      setProvider(null);
    };
  }, [getSocket, storyId, edit]);
  // Re-render on status, rights and limits changes.
  useSyncExternalStore(
    provider ? (listener) => provider.subscribe(listener) : NOOP,
    () => (provider ? `${provider.status}|${provider.pending > 0}|${provider.hasSynced}|${provider.canEdit}|${provider.storyState}|${provider.error ?? ""}|${provider.notice ?? ""}` : ""),
    () => "",
  );
  return provider;
}
