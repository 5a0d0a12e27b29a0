import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtimeServices } from "../realtime/socket-provider";

/** Refetches a query when stories arrive, at most once per `intervalMs` (the last arrival is never lost). */
export function useRefreshOnArrivals(queryKey: QueryKey, intervalMs: number): void {
  const queryClient = useQueryClient();
  const { subscribeStories } = useRealtimeServices();
  const keyHash = JSON.stringify(queryKey);
  useEffect(() => {
    const key = JSON.parse(keyHash) as QueryKey;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer = undefined;
      last = Date.now();
      void queryClient.invalidateQueries({ queryKey: key });
    };
    const unsubscribe = subscribeStories(() => {
      if (timer !== undefined) return;
      timer = setTimeout(refresh, Math.max(0, last + intervalMs - Date.now()));
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [keyHash, intervalMs, queryClient, subscribeStories]);
}
