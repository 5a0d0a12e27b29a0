import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FeedDto } from "@/server/contract/feeds";
import { fetchJson } from "../api/fetch-json";
import { describePoll, formatDueIn, type Notice } from "./feed-format";
import { feedQueries, storeFeed } from "./queries";

/** One feed's actions (enable or disable, poll now, remove), each telling the admin how it went. */
export function useFeedActions(feed: FeedDto, onNotice: (notice: Notice) => void, onRemoved: () => void) {
  const queryClient = useQueryClient();
  const path = `/api/feeds/${encodeURIComponent(feed.id)}`;
  const failed = (action: string) => (error: Error) => {
    onNotice({ kind: "error", text: `Could not ${action} "${feed.name}": ${error.message}` });
    void queryClient.invalidateQueries({ queryKey: feedQueries.all() }); // another admin may have changed it
  };
  const setEnabled = useMutation({
    mutationFn: (enabled: boolean) => fetchJson<FeedDto>(path, { method: "PATCH", json: { enabled } }),
    onSuccess: (updated) => {
      storeFeed(queryClient, updated);
      const text = updated.enabled ? `Enabled "${updated.name}": next poll ${formatDueIn(updated.nextPollAt, Date.now())}.` : `Disabled "${updated.name}": it is not polled until enabled again.`;
      onNotice({ kind: "ok", text });
    },
    onError: failed("change"),
  });
  const poll = useMutation({
    mutationFn: () => fetchJson<FeedDto>(`${path}/poll`, { method: "POST" }),
    onSuccess: (polled) => {
      storeFeed(queryClient, polled);
      onNotice(describePoll(polled, Date.now()));
    },
    onError: failed("poll"),
  });
  const remove = useMutation({
    mutationFn: () => fetchJson<void>(path, { method: "DELETE" }),
    onSuccess: () => {
      onRemoved(); // before the row (and the focused button in it) goes
      storeFeed(queryClient, feed, true);
      onNotice({ kind: "ok", text: `Removed "${feed.name}". The stories it brought stay on the desk.` });
    },
    onError: failed("remove"),
  });
  return { setEnabled, poll, remove };
}
