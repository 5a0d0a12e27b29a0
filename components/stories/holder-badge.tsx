"use client";

import type { StorySummary } from "@/server/contract/story";
import { holderSentence } from "@/server/contract/refusal-words";
import { clockTime } from "@/server/contract/clock";
import { initialsOf } from "@/server/contract/initials";
import { useDeskTimeZone } from "../ui/desk-time-zone";
import { useDeskUser } from "./action-availability";

/** "Taken by Eda Editor 14:02" (or "Taken by you 14:02"), in the desk's time zone; null when nobody holds it. */
export function takenText(story: Pick<StorySummary, "takenBy" | "takenByName" | "takenAt">, viewerId: string | null, timeZone: string | undefined): string | null {
  if (!story.takenBy) return null;
  const who = story.takenBy === viewerId ? "you" : (story.takenByName ?? "another editor");
  return `Taken by ${who}${story.takenAt ? ` ${clockTime(story.takenAt, timeZone)}` : ""}`;
}

/** The holder's initials in the ON IT column, in a square (green: the viewer's own) apart from the round avatars of who is on the story now; the full sentence for screen readers. */
export function HolderBadge({ story }: { story: StorySummary }) {
  const who = useDeskUser();
  const timeZone = useDeskTimeZone();
  const text = takenText(story, who?.userId ?? null, timeZone);
  if (!text) return null;
  const isMine = story.takenBy === who?.userId;
  const title = holderSentence(story, who?.userId ?? null, timeZone);
  return (
    <span title={title} data-holder={story.takenBy ?? undefined} className="inline-flex shrink-0 items-center">
      <span className="sr-only">{text}</span>
      <span
        aria-hidden
        className={`inline-flex size-5 items-center justify-center rounded-sm text-[10px] font-bold leading-none ${
          isMine ? "bg-emerald-600 text-white dark:bg-emerald-400 dark:text-slate-950" : "bg-slate-700 text-white dark:bg-slate-300 dark:text-slate-950"
        }`}
      >
        {story.takenByName ? initialsOf(story.takenByName) : "?"}
      </span>
    </span>
  );
}
