"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, type RefObject } from "react";
import { useRealtimeServices } from "../realtime/socket-provider";
import { TimeAgo } from "../ui/time-ago";
import { PresenceAvatars } from "./presence-avatars";
import { SafeHtml } from "./safe-html";
import { storyQueries } from "./queries";
import { storyBadges } from "./story-badges";
import { StoryToolbar } from "./story-toolbar";
import { UrgencyBadge } from "./urgency-badge";
import { VersionDiff } from "./version-diff";
import type { WorkflowAction } from "./use-story-actions";

interface StoryViewProps {
  id: string;
  canEdit: boolean;
  articleRef: RefObject<HTMLElement | null>;
  onAction: (id: string, action: WorkflowAction) => void;
  onSetRead: (id: string, isRead: boolean) => void;
  /** Called once the story `id` is on screen (after it has loaded), e.g. to move focus to it. */
  onShown?: (id: string) => void;
}

/** The reading pane: one story in full, its actions, and who else is on it. */
export function StoryView({ id, canEdit, articleRef, onAction, onSetRead, onShown }: StoryViewProps) {
  const query = useQuery(storyQueries.detail(id));
  const { setPresence } = useRealtimeServices();
  useEffect(() => {
    setPresence(id, "viewing");
    return () => setPresence(null, "viewing");
  }, [id, setPresence]);
  const isShown = query.data !== undefined;
  useEffect(() => {
    if (isShown) onShown?.(id);
  }, [id, isShown, onShown]);

  if (query.isPending) return <p className="p-4 text-slate-500">Loading…</p>;
  if (query.isError) return <p role="alert" className="p-4 text-red-600">{query.error.message}</p>;
  const story = query.data;
  return (
    <article ref={articleRef} aria-label="Story" tabIndex={-1} data-story-id={story.id} className="mx-auto max-w-3xl p-5 outline-none">
      <StoryToolbar story={story} canEdit={canEdit} onAction={onAction} onSetRead={onSetRead} />
      {story.state === "killed" ? (
        <p role="alert" className="mb-3 rounded bg-red-600 px-3 py-2 font-bold text-white">
          KILLED by the agency: do not use this story.
        </p>
      ) : null}
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
        <UrgencyBadge urgency={story.urgency} />
        <span className="font-medium text-slate-700 dark:text-slate-300">{story.agency}</span>
        {story.slugline ? <span className="font-mono">{story.slugline}</span> : null}
        <span>version {story.agencyVersion}</span>
        {storyBadges(story).map((b) => (
          <span key={b.label} className="rounded bg-slate-200 px-1 font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-200">
            {b.label}
          </span>
        ))}
        <span>{story.wordCount} words</span>
        <span aria-label="State" className="font-semibold uppercase">
          {story.state.replace("_", " ")}
        </span>
        <span>
          received <TimeAgo iso={story.receivedAt} /> ago
        </span>
        <PresenceAvatars storyId={story.id} max={6} />
      </div>
      <h1 className="mb-1 text-xl font-semibold leading-snug">{story.headline}</h1>
      {story.subheadline ? <p className="mb-2 text-base text-slate-600 dark:text-slate-300">{story.subheadline}</p> : null}
      <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">{[story.byline, story.dateline.text, story.language].filter(Boolean).join(" · ")}</p>
      {story.abstract ? <p className="mb-3 font-medium">{story.abstract}</p> : null}
      <SafeHtml html={story.bodyHtml} className="story-body text-[14px]" />
      {story.versionCount > 1 ? <VersionDiff storyId={story.id} currentVersion={story.agencyVersion} /> : null}
      {story.editorNote ? (
        <aside aria-label="Editor's note" className="mt-4 rounded border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950">
          Not for publication: {story.editorNote}
        </aside>
      ) : null}
    </article>
  );
}
