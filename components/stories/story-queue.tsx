"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtime } from "../realtime/socket-provider";
import { storyQueries, type StoryFilters } from "./queries";
import { StoryRow } from "./story-row";

const NO_FILTERS: StoryFilters = {};

/** The live wire queue, newest first; j/k and arrows move the selection. */
export function StoryQueue({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const { cursor } = useRealtime();
  const query = useInfiniteQuery(storyQueries.list(NO_FILTERS));
  const stories = query.data?.pages.flatMap((p) => p.stories) ?? [];
  const firstSeq = query.data?.pages[0]?.seq;

  useEffect(() => {
    if (firstSeq !== undefined) cursor.listLoaded(firstSeq);
  }, [cursor, firstSeq]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = stories.findIndex((s) => s.id === selectedId);
    const move = event.key === "j" || event.key === "ArrowDown" ? 1 : event.key === "k" || event.key === "ArrowUp" ? -1 : 0;
    if (move === 0) return;
    event.preventDefault();
    const next = stories[Math.min(stories.length - 1, Math.max(0, index + move))];
    if (next) {
      onSelect(next.id);
      document.getElementById(`story-${next.id}`)?.scrollIntoView({ block: "nearest" });
    }
  };

  if (query.isPending) return <p className="p-4 text-slate-500">Loading the wire…</p>;
  if (query.isError) return <p role="alert" className="p-4 text-red-600">Could not load the queue: {query.error.message}</p>;
  return (
    <ul
      role="listbox"
      aria-label="Wire queue"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-activedescendant={selectedId ? `story-${selectedId}` : undefined}
      className="h-full overflow-y-auto outline-none"
    >
      {stories.length === 0 ? <li className="p-4 text-slate-500">No stories yet. They appear here the moment they arrive.</li> : null}
      {stories.map((story) => (
        <StoryRow key={story.id} story={story} isSelected={story.id === selectedId} onSelect={() => onSelect(story.id)} />
      ))}
    </ul>
  );
}
