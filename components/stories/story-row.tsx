"use client";

import { memo, type MouseEvent } from "react";
import type { StorySummary } from "@/server/contract/story";
import { TimeAgo } from "../ui/time-ago";
import { ClockTime } from "./clock-time";
import { highlightPlainText } from "./highlight";
import { HolderBadge } from "./holder-badge";
import { HighlightedText } from "./highlighted-text";
import { PresenceAvatars } from "./presence-avatars";
import { storyBadges, type StoryBadge } from "./story-badges";
import { urgencyRowClass } from "./urgency";
import { UrgencyBadge } from "./urgency-badge";
import { WIDE_ROW_HEIGHT } from "./row-height";
import { isDeskStory } from "@/server/contract/new-story";

/** Height of one queue line in pixels on a wide screen (on a phone: see row-height.ts). */
export const ROW_HEIGHT = WIDE_ROW_HEIGHT;

/**
 * A queue line's layout: fixed-width cells in a row (cheaper to lay out than a grid), shared with the column
 * heads. On a phone the line wraps in two: its facts, then the headline across the screen.
 */
export const ROW_LAYOUT = "flex items-center gap-x-1.5 pl-1 pr-2 max-sm:flex-wrap max-sm:content-center max-sm:gap-y-1";
/**
 * Cells that give way as the queue narrows, least useful first (container queries in globals.css):
 * `queue-col-drop-1` goes below 52rem of queue, `queue-col-drop-2` below 44rem. The headline never does.
 */
export const COLUMN_DROP = { first: "queue-col-drop-1", second: "queue-col-drop-2" } as const;
/** Columns that step out of sight (kept for screen readers) while an open story lies over the queue, between phone and wide screens (see globals.css). */
const BESIDE_PANE = "queue-col-beside-pane";
export const COLUMN = {
  mark: "w-3 shrink-0",
  urgency: "w-[4.3rem] shrink-0",
  age: `w-[2.1rem] shrink-0 ${BESIDE_PANE}`,
  /** The clock time (HH:MM, desk's zone); `queue-col-time` names it for layouts that hide or keep columns. */
  time: `queue-col-time w-[2.3rem] shrink-0 ${BESIDE_PANE}`,
  agency: `w-[4.6rem] shrink-0 truncate max-sm:w-[3.6rem] ${BESIDE_PANE}`,
  slug: `w-[7rem] shrink-0 truncate ${COLUMN_DROP.first} ${BESIDE_PANE}`,
  headline: "min-w-0 flex-1 truncate max-sm:order-last max-sm:basis-full max-sm:pl-4",
  words: `w-[2.6rem] shrink-0 text-right ${COLUMN_DROP.second}`,
  state: "w-[4.6rem] shrink-0 truncate",
  // On a phone the first row has no room to spare: the avatars take what they need, two at most.
  presence: "queue-col-on-it flex w-[4.4rem] shrink-0 items-center gap-0.5 max-sm:w-auto max-sm:max-w-[2.4rem] max-sm:overflow-hidden",
} as const;

/**
 * Round marks (avatars, "+N") the ON IT cell's 70 px have room for: three, or two beside the holder's
 * square; one more would run into the next column (e2e/queue-presence.spec.ts measures them).
 */
const ON_IT_MARKS = { free: 3, held: 2 } as const;

/** What a row reports back; the callbacks are stable so rows re-render only when their own data changes. */
export interface RowCallbacks {
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  onToggleMark: (id: string) => void;
  onMenu: (id: string, x: number, y: number) => void;
}

interface StoryRowProps {
  story: StorySummary;
  position: number;
  setSize: number;
  top: number;
  isSelected: boolean;
  isMarked: boolean;
  isDeparting: boolean;
  callbacks: RowCallbacks;
}

const BADGE = "mr-1 inline-block rounded px-1 py-[2px] align-[1px] text-[9.5px] font-semibold tracking-wide";

const BADGE_TONES: Record<StoryBadge["tone"], string> = {
  kill: "bg-red-700 text-white",
  correction: "bg-fuchsia-700 text-white dark:bg-fuchsia-600",
  update: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  version: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
};

const STATE_TONES: Partial<Record<StorySummary["state"], string>> = {
  in_progress: "text-blue-700 dark:text-blue-300",
  spiked: "text-slate-400 line-through dark:text-slate-500",
  killed: "text-red-700 dark:text-red-400",
  published: "text-emerald-700 dark:text-emerald-400",
};

function rowTone(story: StorySummary, isSelected: boolean): string {
  if (isSelected) return "bg-blue-100 dark:bg-blue-900/60";
  return `${urgencyRowClass(story.urgency)} hover:bg-slate-100 dark:hover:bg-slate-800/70`;
}

/** One dense queue line: urgency, age, clock time, agency, slugline, headline with badges, words, state, presence. */
export const StoryRow = memo(function StoryRow({ story, position, setSize, top, isSelected, isMarked, isDeparting, callbacks }: StoryRowProps) {
  const isUnread = story.isRead !== true;
  const isKilled = story.state === "killed" || story.pubStatus === "canceled";
  const badges = storyBadges(story);
  const isHeadlineHighlight = story.highlight !== undefined && highlightPlainText(story.highlight) === story.headline;
  const toggleMark = (event: MouseEvent) => {
    event.stopPropagation();
    callbacks.onToggleMark(story.id);
  };
  const openMenu = (event: MouseEvent) => {
    event.preventDefault();
    callbacks.onMenu(story.id, event.clientX, event.clientY);
  };
  return (
    <div
      role="option"
      id={`story-${story.id}`}
      aria-selected={isSelected}
      aria-checked={isMarked}
      aria-posinset={position}
      aria-setsize={setSize}
      data-story-id={story.id}
      data-read={isUnread ? "false" : "true"}
      data-departing={isDeparting ? "true" : undefined}
      onClick={() => callbacks.onSelect(story.id)}
      onDoubleClick={() => callbacks.onOpen(story.id)}
      onContextMenu={openMenu}
      style={{ transform: `translateY(${top}px)` }}
      className={`absolute inset-x-0 top-0 h-[22px] max-sm:h-[42px] ${ROW_LAYOUT} cursor-default border-b border-slate-100 text-[12.5px] leading-none dark:border-slate-800/80 ${rowTone(story, isSelected)} ${
        isDeparting ? "opacity-40 transition-opacity duration-700" : ""
      }`}
    >
      <span
        aria-hidden
        onClick={toggleMark}
        title={isMarked ? "Unmark (x)" : "Mark for a bulk action (x)"}
        className={`${COLUMN.mark} h-3 rounded-sm border ${isMarked ? "border-blue-600 bg-blue-600" : "border-slate-300 dark:border-slate-600"}`}
      />
      <UrgencyBadge urgency={story.urgency} className={COLUMN.urgency} />{" "}
      <TimeAgo iso={story.receivedAt} lazyTitle className={`${COLUMN.age} text-[11px] text-slate-500 dark:text-slate-400`} />{" "}
      <ClockTime story={story} className={`${COLUMN.time} text-[11px] tabular-nums text-slate-600 dark:text-slate-300`} />{" "}
      <span className={`${COLUMN.agency} text-[11.5px] font-medium text-slate-700 dark:text-slate-300`}>{story.agency ?? (isDeskStory(story) ? "Desk" : "—")}</span>{" "}
      <span className={`${COLUMN.slug} font-mono text-[11px] text-slate-500 dark:text-slate-400`}>{story.slugline ?? ""}</span>{" "}
      <span className={`${COLUMN.headline} ${isUnread ? "font-bold text-slate-950 dark:text-white" : "text-slate-700 dark:text-slate-300"}`}>
        {isDeparting ? <span className={`${BADGE} bg-slate-500 text-white`}>left this view </span> : null}
        {badges.map((badge) => (
          <span key={badge.label} className={`${BADGE} ${BADGE_TONES[badge.tone]}`}>
            {badge.label}{" "}
          </span>
        ))}
        {isKilled ? (
          <span className="line-through decoration-red-600">{story.headline}</span>
        ) : isHeadlineHighlight ? (
          <HighlightedText html={story.highlight!} />
        ) : story.headline ? (
          <bdi>{story.headline}</bdi>
        ) : (
          <span className="italic text-slate-500 dark:text-slate-400">New story, no headline yet</span>
        )}
        {story.highlight && !isHeadlineHighlight ? (
          <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">
            <HighlightedText html={story.highlight} />
          </span>
        ) : null}
      </span>{" "}
      <span className={`${COLUMN.words} text-[11px] tabular-nums text-slate-500 dark:text-slate-400`}>
        {story.wordCount}
        <span className="sr-only"> words</span>
      </span>{" "}
      <span className={`${COLUMN.state} text-[10.5px] font-medium uppercase ${STATE_TONES[story.state] ?? "text-slate-500 dark:text-slate-400"}`}>{story.state.replace("_", " ")}</span>{" "}
      <span className={COLUMN.presence}>
        <HolderBadge story={story} />
        <PresenceAvatars storyId={story.id} max={story.takenBy ? ON_IT_MARKS.held : ON_IT_MARKS.free} />
      </span>
    </div>
  );
});
