"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { AddFeedForm } from "./add-feed-form";
import type { Notice } from "./feed-format";
import { FEED_HEADINGS, FeedRow } from "./feed-row";
import { feedQueries } from "./queries";

/** Admin: every pull feed with its polling state and actions, and a form to add one. */
export function FeedsAdmin() {
  const feeds = useQuery(feedQueries.list());
  const [notice, setNotice] = useState<Notice | null>(null);
  const table = useRef<HTMLTableElement>(null);

  if (feeds.isPending) return <p className="text-slate-500">Loading…</p>;
  if (feeds.isError) return <p role="alert" className="text-red-600">{feeds.error.message}</p>;
  const rows = feeds.data.feeds;
  return (
    <div className="space-y-3">
      <AddFeedForm onNotice={setNotice} />
      {notice ? (
        <p role={notice.kind === "error" ? "alert" : "status"} className={notice.kind === "error" ? "text-sm text-red-700 dark:text-red-400" : "text-sm text-green-700 dark:text-green-400"}>
          {notice.text}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No pull feeds yet: add one above.</p>
      ) : (
        <div className="overflow-x-auto">
          <table ref={table} tabIndex={-1} aria-label="Pull feeds" className="w-full text-left text-sm outline-none">
            <thead className="text-xs text-slate-500 dark:text-slate-400">
              <tr className="*:whitespace-nowrap *:py-1 *:pr-3 *:font-medium">
                {FEED_HEADINGS.map((heading) => (
                  <th key={heading} scope="col" className="first:pl-1">
                    {heading}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((feed) => (
                <FeedRow key={feed.id} feed={feed} onNotice={setNotice} onRemoved={() => table.current?.focus()} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
