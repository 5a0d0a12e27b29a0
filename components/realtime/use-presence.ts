import { useCallback, useSyncExternalStore } from "react";
import type { PresenceViewer } from "@/server/contract/presence";
import { useRealtimeServices } from "./socket-provider";

/** Who is on a story right now (re-renders only when that story's viewers change). */
export function usePresence(storyId: string): readonly PresenceViewer[] {
  const { presence } = useRealtimeServices();
  const subscribe = useCallback((listener: () => void) => presence.subscribe(storyId, listener), [presence, storyId]);
  const get = useCallback(() => presence.get(storyId), [presence, storyId]);
  return useSyncExternalStore(subscribe, get, get);
}
