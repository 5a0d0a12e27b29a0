import type { StorySummary } from "@/server/contract/story";
import { TimeAgo } from "../ui/time-ago";
import { UrgencyBadge } from "./urgency-badge";

/** One dense queue line: urgency, time, agency, slugline, headline, words, state. */
export function StoryRow({ story, isSelected, onSelect }: { story: StorySummary; isSelected: boolean; onSelect: () => void }) {
  return (
    <li
      role="option"
      aria-selected={isSelected}
      id={`story-${story.id}`}
      data-story-id={story.id}
      onClick={onSelect}
      className={`grid cursor-default grid-cols-[4.8rem_2.5rem_6.5rem_9rem_1fr_3rem_5.5rem] items-center gap-2 border-b border-slate-100 px-2 py-[3px] dark:border-slate-800 ${
        isSelected ? "bg-blue-100 dark:bg-blue-900/50" : "hover:bg-slate-50 dark:hover:bg-slate-900"
      } ${story.state === "killed" ? "line-through opacity-60" : ""}`}
    >
      <UrgencyBadge urgency={story.urgency} />
      <span className="text-slate-500 dark:text-slate-400">
        <TimeAgo iso={story.receivedAt} />
      </span>
      <span className="truncate font-medium">{story.agency ?? "—"}</span>
      <span className="truncate font-mono text-[11px] text-slate-600 dark:text-slate-400">{story.slugline ?? ""}</span>
      <span className="truncate">{story.headline}</span>
      <span className="text-right tabular-nums text-slate-500">{story.wordCount}</span>
      <span className="truncate text-[11px] uppercase text-slate-500">{story.state.replace("_", " ")}</span>
    </li>
  );
}
