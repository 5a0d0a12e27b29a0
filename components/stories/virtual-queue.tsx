"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useImperativeHandle, type RefObject } from "react";
import { addExactTimeTitles } from "../ui/time-ago";
import type { Departures } from "./departures";
import type { StoryListView } from "./list-pages";
import { QueueRows } from "./queue-rows";
import { useRowHeight } from "./row-height";
import type { RowCallbacks } from "./story-row";

/** What the queue container asks of the scrolling list, without re-rendering on every scroll. */
export interface VirtualHandle {
  scrollToIndex(index: number): void;
  /** The scroll position and viewport height as last measured (reading the DOM would force a layout). */
  metrics(): { scrollTop: number; height: number };
}

interface VirtualQueueProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualRef: RefObject<VirtualHandle | null>;
  view: StoryListView;
  heldCount: number;
  hasMore: boolean;
  isBusy: boolean;
  selectedId: string | null;
  marked: ReadonlySet<string>;
  departures: Departures;
  callbacks: RowCallbacks;
  onScrolledChange: (isScrolled: boolean) => void;
  onNearEnd: () => void;
}

/** Load the next page when the last rendered line is this close to the end of what is loaded. */
const NEAR_END = 100;

/**
 * The scrolling listbox and its rendered window. Scrolling re-renders only this component (the
 * virtualizer flushes synchronously on scroll), never the queue container and its queries.
 */
export function VirtualQueue(props: VirtualQueueProps) {
  const { scrollRef, virtualRef, view, heldCount, hasMore, isBusy, selectedId, marked, departures, callbacks, onScrolledChange, onNearEnd } = props;
  const count = Math.max(0, view.length - heldCount);
  const rowHeight = useRowHeight();
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    onChange: (instance) => onScrolledChange((instance.scrollOffset ?? 0) > 0),
  });
  useImperativeHandle(
    virtualRef,
    () => ({
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: "auto" }),
      metrics: () => ({ scrollTop: virtualizer.scrollOffset ?? 0, height: virtualizer.scrollRect?.height ?? 0 }),
    }),
    [virtualizer],
  );
  useEffect(() => (scrollRef.current ? addExactTimeTitles(scrollRef.current) : undefined), [scrollRef]);
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]); // into or out of the phone layout
  const items = virtualizer.getVirtualItems();
  const lastRendered = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastRendered >= count - NEAR_END) onNearEnd();
  }, [hasMore, lastRendered, count, onNearEnd]);

  const isSelectedRendered = selectedId !== null && items.some((item) => view.at(heldCount + item.index)?.id === selectedId);
  return (
    <div
      ref={scrollRef}
      role="listbox"
      aria-label="Wire queue"
      aria-activedescendant={isSelectedRendered ? `story-${selectedId}` : undefined}
      aria-busy={isBusy}
      tabIndex={0}
      data-loaded-count={view.length}
      data-held-count={heldCount}
      className="min-h-0 flex-1 overflow-y-auto outline-none [contain:strict] [overflow-anchor:none] focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500"
    >
      <QueueRows
        virtualizer={virtualizer}
        view={view}
        heldCount={heldCount}
        setSize={hasMore ? -1 : count}
        selectedId={selectedId}
        marked={marked}
        departures={departures}
        callbacks={callbacks}
      />
    </div>
  );
}
