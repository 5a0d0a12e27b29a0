"use client";

import { useQuery } from "@tanstack/react-query";
import { SafeHtml } from "./safe-html";
import { storyQueries } from "./queries";
import { UrgencyBadge } from "./urgency-badge";

/** The reading pane: one story in full. */
export function StoryView({ id }: { id: string }) {
  const query = useQuery(storyQueries.detail(id));
  if (query.isPending) return <p className="p-4 text-slate-500">Loading…</p>;
  if (query.isError) return <p role="alert" className="p-4 text-red-600">{query.error.message}</p>;
  const story = query.data;
  return (
    <article aria-label="Story" className="mx-auto max-w-3xl p-5">
      {story.state === "killed" ? (
        <p role="alert" className="mb-3 rounded bg-red-600 px-3 py-2 font-bold text-white">
          KILLED by the agency: do not use this story.
        </p>
      ) : null}
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <UrgencyBadge urgency={story.urgency} />
        <span className="font-medium text-slate-700 dark:text-slate-300">{story.agency}</span>
        {story.slugline ? <span className="font-mono">{story.slugline}</span> : null}
        <span>version {story.agencyVersion}</span>
        <span>{story.wordCount} words</span>
        <span>{story.state.replace("_", " ")}</span>
      </div>
      <h1 className="mb-1 text-xl font-semibold leading-snug">{story.headline}</h1>
      {story.subheadline ? <p className="mb-2 text-base text-slate-600 dark:text-slate-300">{story.subheadline}</p> : null}
      <p className="mb-3 text-xs text-slate-500">
        {[story.byline, story.dateline.text, story.language].filter(Boolean).join(" · ")}
      </p>
      {story.abstract ? <p className="mb-3 font-medium">{story.abstract}</p> : null}
      <SafeHtml html={story.bodyHtml} className="story-body text-[14px]" />
      {story.editorNote ? (
        <aside aria-label="Editor's note" className="mt-4 rounded border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950">
          Not for publication: {story.editorNote}
        </aside>
      ) : null}
    </article>
  );
}
