"use client";

import type { FeedDto } from "@/server/contract/feeds";
import { exactTime } from "../ui/time-ago";
import { useNow } from "../ui/use-now";
import { describeStatus, formatDueIn, isHealthyStatus } from "./feed-format";

/** The last poll's status: a 2xx or 304 in green, anything else in red, "never" before the first poll. */
export function FeedStatus({ status }: { status: string | null }) {
  if (status === null) return <span className="text-slate-500 dark:text-slate-400">never</span>;
  const tone = isHealthyStatus(status) ? "bg-green-100 text-green-800 dark:bg-green-900/50 dark:text-green-300" : "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-300";
  return (
    <span title={describeStatus(status)} className={`rounded px-1.5 py-0.5 font-mono text-xs ${tone}`}>
      {status}
    </span>
  );
}

/** Consecutive failures; any at all means the feed is polled less often until one works. */
export function FeedFailures({ failures }: { failures: number }) {
  if (failures === 0) return <span className="tabular-nums text-slate-500 dark:text-slate-400">0</span>;
  return (
    <span className="whitespace-nowrap text-amber-700 dark:text-amber-400" title="Each failure in a row doubles the wait before the next poll, up to 30 minutes">
      <span className="tabular-nums font-semibold">{failures}</span> · backing off
    </span>
  );
}

/** When the scheduler polls next ("in 3m"), the exact time on hover; nothing while disabled. */
export function FeedNextPoll({ feed }: { feed: FeedDto }) {
  const now = useNow();
  if (!feed.enabled) return <span className="text-slate-500 dark:text-slate-400">paused</span>;
  return (
    <time dateTime={feed.nextPollAt} title={exactTime(feed.nextPollAt)} className="whitespace-nowrap tabular-nums">
      {formatDueIn(feed.nextPollAt, now)}
    </time>
  );
}
