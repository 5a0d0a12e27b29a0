"use client";

import type { StorySummary } from "@/server/contract/story";
import { agencyTime, clockDateTime } from "@/server/contract/clock";
import { useDeskTimeZone } from "../ui/desk-time-zone";
import { useDeskUser } from "./action-availability";
import { takenText } from "./holder-badge";

/**
 * The pane's clock: who took the story and when, when it reached the desk (desk's time zone), and the
 * agency's own filing and version times with their offsets.
 */
export function StoryTimes({ story }: { story: StorySummary }) {
  const timeZone = useDeskTimeZone();
  const who = useDeskUser();
  const taken = takenText(story, who?.userId ?? null, timeZone);
  const rows: [string, string][] = [["Received", `${clockDateTime(story.receivedAt, timeZone)}${timeZone ? ` (${timeZone})` : ""}`]];
  if (story.firstCreated) rows.push(["Filed", agencyTime(story.firstCreated)]);
  if (story.versionCreated) rows.push([`Version ${story.agencyVersion}`, agencyTime(story.versionCreated)]);
  return (
    <div className="mb-2 text-xs text-slate-600 dark:text-slate-300">
      {taken ? (
        <p data-testid="story-holder" className="mb-1 font-semibold text-slate-800 dark:text-slate-100">
          {taken}
        </p>
      ) : null}
      <dl aria-label="Times" className="flex flex-wrap gap-x-4 gap-y-0.5">
        {rows.map(([term, value]) => (
          <div key={term} className="flex gap-1">
            <dt className="text-slate-500 dark:text-slate-400">{term}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
