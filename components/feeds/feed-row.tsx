"use client";

import { useEffect, useRef, useState } from "react";
import type { FeedDto } from "@/server/contract/feeds";
import { TimeAgo } from "../ui/time-ago";
import { FeedFailures, FeedNextPoll, FeedStatus } from "./feed-cells";
import { FeedEditRow } from "./feed-edit-row";
import { formatArrivals, formatInterval, type Notice } from "./feed-format";
import { useFeedActions } from "./use-feed-actions";

/** The table's column headings, in the order of a row's cells (then the actions). */
export const FEED_HEADINGS = ["Name", "URL", "Interval", "Enabled", "Last polled", "Status", "Last error", "Failures", "Next poll"] as const;
const COLUMNS = FEED_HEADINGS.length + 1;

const smallButton = "rounded px-2 py-0.5 text-xs font-medium disabled:opacity-50";

/** One feed: its settings and polling state, an enabled switch, Poll now, Edit (a form row below), and Remove (confirmed in place). */
export function FeedRow({ feed, onNotice, onRemoved }: { feed: FeedDto; onNotice: (notice: Notice) => void; onRemoved: () => void }) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  // The switch shows the new value from the click on (a controlled checkbox would otherwise flick back until the request starts).
  const [switching, setSwitching] = useState<boolean | null>(null);
  const { setEnabled, poll, remove } = useFeedActions(feed, onNotice, onRemoved);
  const editButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<"edit" | "remove" | null>(null);
  useEffect(() => {
    if (mode !== "view" || !returnFocus.current) return;
    (returnFocus.current === "edit" ? editButton : removeButton).current?.focus(); // back where the admin was
    returnFocus.current = null;
  }, [mode]);
  const closeTo = (button: "edit" | "remove") => {
    returnFocus.current = button;
    setMode("view");
  };

  const isEnabled = switching ?? feed.enabled;
  const arrivals = formatArrivals(feed);
  const isEditing = mode === "edit";
  const toggle = (enabled: boolean) => {
    setSwitching(enabled);
    setEnabled.mutate(enabled, { onSettled: () => setSwitching(null) });
  };
  return (
    <>
      <tr className="border-t border-slate-200 align-top *:py-1.5 *:pr-3 dark:border-slate-800">
        <th scope="row" className="pl-1 text-left font-medium">
          {feed.name}
        </th>
        <td>
          <a href={feed.url} title={feed.url} target="_blank" rel="noreferrer" className="block max-w-72 truncate font-mono text-xs leading-5 text-blue-700 hover:underline dark:text-blue-300">
            {feed.url}
          </a>
        </td>
        <td className="whitespace-nowrap tabular-nums" title={`${feed.intervalSeconds} seconds`}>
          {formatInterval(feed.intervalSeconds)}
        </td>
        <td>
          <input type="checkbox" aria-label={`${feed.name} enabled`} checked={isEnabled} disabled={switching !== null} onChange={(e) => toggle(e.target.checked)} className="mt-1" />
        </td>
        <td className="whitespace-nowrap">
          {feed.lastPolledAt ? (
            <>
              <TimeAgo iso={feed.lastPolledAt} /> ago
              {arrivals ? <span className="block text-xs text-slate-500 dark:text-slate-400">{arrivals}</span> : null}
            </>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">never</span>
          )}
        </td>
        <td>
          <FeedStatus status={feed.lastStatus} />
        </td>
        <td>
          {feed.lastError ? (
            <p title={feed.lastError} className="line-clamp-3 max-w-80 break-words text-xs leading-5 text-red-700 dark:text-red-300">
              {feed.lastError}
            </p>
          ) : (
            <span className="text-slate-400 dark:text-slate-500">—</span>
          )}
        </td>
        <td>
          <FeedFailures failures={feed.failures} />
        </td>
        <td>
          <FeedNextPoll feed={feed} />
        </td>
        <td className="whitespace-nowrap text-right">
          {mode === "confirm" ? (
            <span
              role="group"
              aria-label={`Remove ${feed.name}?`}
              onKeyDown={(event) => {
                if (event.key === "Escape") closeTo("remove");
              }}
              className="inline-flex items-center gap-1"
            >
              <span className="text-xs">Remove?</span>
              <button type="button" disabled={remove.isPending} onClick={() => remove.mutate()} className={`${smallButton} bg-red-600 text-white`}>
                Yes, remove
              </button>
              <button type="button" autoFocus onClick={() => closeTo("remove")} className={`${smallButton} border border-slate-300 dark:border-slate-700`}>
                Keep
              </button>
            </span>
          ) : (
            <span className="inline-flex items-center gap-1">
              <button type="button" aria-label={`Poll now: ${feed.name}`} disabled={poll.isPending} aria-busy={poll.isPending} onClick={() => poll.mutate()} className={`${smallButton} bg-blue-600 text-white`}>
                {poll.isPending ? "Polling…" : "Poll now"}
              </button>
              <button type="button" ref={editButton} aria-label={`Edit ${feed.name}`} aria-expanded={isEditing} onClick={() => (isEditing ? closeTo("edit") : setMode("edit"))} className={`${smallButton} border border-slate-300 hover:bg-slate-100 aria-expanded:bg-slate-200 dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-expanded:bg-slate-800`}>
                Edit
              </button>
              <button type="button" ref={removeButton} aria-label={`Remove ${feed.name}`} onClick={() => setMode("confirm")} className={`${smallButton} text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950`}>
                Remove
              </button>
            </span>
          )}
        </td>
      </tr>
      {isEditing ? <FeedEditRow feed={feed} columns={COLUMNS} onNotice={onNotice} onClose={() => closeTo("edit")} /> : null}
    </>
  );
}
