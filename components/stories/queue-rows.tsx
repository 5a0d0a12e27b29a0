"use client";

import type { Virtualizer } from "@tanstack/react-virtual";
import type { Departures } from "./departures";
import type { StoryListView } from "./list-pages";
import { StoryRow, type RowCallbacks } from "./story-row";

interface QueueRowsProps {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  view: StoryListView;
  heldCount: number;
  setSize: number;
  selectedId: string | null;
  marked: ReadonlySet<string>;
  departures: Departures;
  callbacks: RowCallbacks;
}

/** The rendered window of the queue: only the lines on screen (plus a few) exist in the page. */
export function QueueRows({ virtualizer, view, heldCount, setSize, selectedId, marked, departures, callbacks }: QueueRowsProps) {
  return (
    <div role="none" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const story = view.at(heldCount + item.index);
        if (!story) return null;
        return (
          <StoryRow
            key={story.id}
            story={story}
            position={item.index + 1}
            setSize={setSize}
            top={item.start}
            isSelected={story.id === selectedId}
            isMarked={marked.has(story.id)}
            isDeparting={departures.has(story.id)}
            callbacks={callbacks}
          />
        );
      })}
    </div>
  );
}
