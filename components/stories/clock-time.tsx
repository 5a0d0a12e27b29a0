"use client";

import type { StorySummary } from "@/server/contract/story";
import { agencyTime, clockTime } from "@/server/contract/clock";
import { useDeskTimeZone } from "../ui/desk-time-zone";

/** The agency's own filing time with its offset, for a tooltip; null when the agency gave none. */
export function filedText(story: Pick<StorySummary, "versionCreated" | "firstCreated">): string | null {
  const filed = story.versionCreated ?? story.firstCreated;
  return filed ? `Filed by the agency ${agencyTime(filed)}` : null;
}

/** A queue line's clock time: when the story reached the desk (HH:MM, desk's zone); the agency's filing time on hover. */
export function ClockTime({ story, className = "" }: { story: StorySummary; className?: string }) {
  const timeZone = useDeskTimeZone();
  return (
    <time dateTime={story.receivedAt} title={filedText(story) ?? "The agency gave no filing time"} className={className}>
      {clockTime(story.receivedAt, timeZone)}
    </time>
  );
}
