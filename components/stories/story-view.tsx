"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useEffect, type RefObject } from "react";
import type { UserDto } from "@/server/contract/auth";
import { editEntry } from "@/server/contract/edit-rules";
import { isDeskStory } from "@/server/contract/new-story";
import { textDirection } from "@/server/contract/text-direction";
import type { EditorGuard } from "../desk/use-editor-guard";
import { useRealtimeServices } from "../realtime/socket-provider";
import { TimeAgo } from "../ui/time-ago";
import { PresenceAvatars } from "./presence-avatars";
import { SafeHtml } from "./safe-html";
import { storyQueries } from "./queries";
import { storyBadges } from "./story-badges";
import { StorySources } from "./story-sources";
import { StoryTimes } from "./story-times";
import { StoryToolbar } from "./story-toolbar";
import { UrgencyBadge } from "./urgency-badge";
import { VersionDiff } from "./version-diff";
import type { WorkflowAction } from "./use-story-actions";

interface StoryViewProps {
  id: string;
  me: UserDto;
  canEdit: boolean;
  /** The editing pane is open on this story. */
  isEditing: boolean;
  /** Opens (id) or closes (null) the editing pane. */
  onEdit: (id: string | null) => void;
  /** Set by the editing pane while it is open: what it answers before its story is taken away. */
  editorGuardRef?: RefObject<EditorGuard | null>;
  articleRef: RefObject<HTMLElement | null>;
  onAction: (id: string, action: WorkflowAction) => void;
  onSetRead: (id: string, isRead: boolean) => void;
  /** Called once the story `id` is on screen (after it has loaded), e.g. to move focus to it. */
  onShown?: (id: string) => void;
  /** It was open for editing before a reload: open the editor again if that changes nothing (join, correction). */
  resumeEditing?: boolean;
}

/**
 * The editing pane is loaded in the browser only: the shared document's libraries (Yjs, Tiptap) are
 * never evaluated by the server's page renderer, so the server keeps one copy of Yjs (its own).
 */
const StoryEditor = dynamic(() => import("../collab/story-editor").then((m) => m.StoryEditor), {
  ssr: false,
  loading: () => <p className="p-4 text-slate-500">Connecting…</p>,
});

/** The reading pane: one story in full, its actions, and who else is on it. */
export function StoryView({ id, me, canEdit, isEditing, onEdit, editorGuardRef, articleRef, onAction, onSetRead, onShown, resumeEditing = false }: StoryViewProps) {
  const query = useQuery(storyQueries.detail(id));
  const loadedState = query.data?.state;
  useEffect(() => {
    if (!resumeEditing || !canEdit || isEditing || !loadedState) return;
    // Never a take behind the editor's back, and no story handed on opened with the caret in its
    // headline (the next key typed would return it): only work in progress or a correction.
    const kind = editEntry(loadedState).kind;
    if (kind === "join" || kind === "correction") onEdit(id);
  }, [resumeEditing, canEdit, isEditing, loadedState, id, onEdit]);
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
  // One editor per story: a new story opened from the pane (its copy already loaded) never inherits the last one's fields.
  if (isEditing) return <StoryEditor key={story.id} story={story} me={me} canEdit={canEdit} onClose={() => onEdit(null)} guardRef={editorGuardRef} />;
  const entry = editEntry(story.state);
  const isEditable = canEdit && entry.kind !== "refuse";
  return (
    <article ref={articleRef} aria-label="Story" tabIndex={-1} data-story-id={story.id} className="mx-auto max-w-3xl p-5 outline-none">
      <div className="flex items-start gap-1.5">
        <button
          type="button"
          aria-keyshortcuts="e"
          disabled={!isEditable}
          title={!canEdit ? "Editors and above can edit" : "message" in entry ? entry.message : undefined}
          onClick={() => onEdit(story.id)}
          className="rounded bg-indigo-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-40"
        >
          Edit
          <kbd aria-hidden className="ml-1.5 font-mono text-[10px] text-indigo-200">
            e
          </kbd>
        </button>
        <div className="min-w-0 flex-1">
          <StoryToolbar story={story} canEdit={canEdit} onAction={onAction} onSetRead={onSetRead} />
        </div>
      </div>
      {story.state === "killed" ? (
        <p role="alert" className="mb-3 rounded bg-red-600 px-3 py-2 font-bold text-white">
          KILLED by the agency: do not use this story.
        </p>
      ) : null}
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
        <UrgencyBadge urgency={story.urgency} />
        <span className="font-medium text-slate-700 dark:text-slate-300">{isDeskStory(story) ? "Desk story" : story.agency}</span>
        {story.slugline ? <span className="font-mono">{story.slugline}</span> : null}
        {isDeskStory(story) ? null : <span>version {story.agencyVersion}</span>}
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
      <StoryTimes story={story} />
      <div dir={textDirection(story.language)} lang={story.language ?? undefined} data-testid="story-text">
        <h1 dir="auto" className="mb-1 text-xl font-semibold leading-snug">{story.headline}</h1>
        {story.subheadline ? <p dir="auto" className="mb-2 text-base text-slate-600 dark:text-slate-300">{story.subheadline}</p> : null}
        <p dir="auto" className="mb-3 text-xs text-slate-500 dark:text-slate-400">{[story.byline, story.dateline.text, story.language].filter(Boolean).join(" · ")}</p>
        {story.abstract ? <p dir="auto" className="mb-3 font-medium">{story.abstract}</p> : null}
        <StorySources sources={story.sources} />
        <SafeHtml html={story.bodyHtml} className="story-body text-[14px]" />
      </div>
      {story.versionCount > 1 ? <VersionDiff storyId={story.id} currentVersion={story.agencyVersion} /> : null}
      {story.editorNote ? (
        <aside aria-label="Editor's note" className="mt-4 rounded border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950">
          Not for publication: {story.editorNote}
        </aside>
      ) : null}
    </article>
  );
}
