"use client";

import { useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { StorySummary } from "@/server/contract/story";
import { ApiError } from "../api/fetch-json";
import type { StoryFilters } from "../filters/filter-params";
import { formatCount } from "../ui/format-count";
import { useLatestRef } from "../ui/use-latest-ref";
import { usePointerActivity } from "../ui/use-pointer-activity";
import { removableDepartures } from "./departures";
import type { StoryListView } from "./list-pages";
import { NewArrivalsButton } from "./new-arrivals-button";
import { QueueColumns } from "./queue-columns";
import { currentRowHeight } from "./row-height";
import type { RowCallbacks } from "./story-row";
import { VirtualQueue, type VirtualHandle } from "./virtual-queue";
import { useDepartures } from "./use-departures";
import { useHeldArrivals } from "./use-held-arrivals";
import { useScrollAnchor } from "./use-scroll-anchor";
import { useSearchArrivals } from "./use-search-arrivals";
import { useStoryList } from "./use-story-list";

/** What the desk's keyboard and menus ask of the queue. */
export interface QueueHandle {
  /** Moves the selection by `delta` visible lines (j/k); with nothing selected, selects the first line on screen. */
  move(delta: number): void;
  moveTo(edge: "first" | "last"): void;
  /** Shows the held arrivals and scrolls to the top. */
  revealNew(): void;
  /** Shows the held arrivals once this story is among them (a story the editor just started, whose push may come after the answer). */
  revealStory(id: string): void;
  story(id: string): StorySummary | undefined;
  /** The given ids in the order the queue shows them (ids it does not hold go last, as given). */
  inQueueOrder(ids: readonly string[]): string[];
  /** Distinct values of a field among the loaded stories (for the filter menus). */
  sample(field: "agency" | "language" | "category"): string[];
  focus(): void;
  /** Focuses the queue on this story's line (scrolled into view when it is shown), so j/k/e act from there at once. */
  focusLine(id: string): void;
}

const SAMPLE_SIZE = 2000;

function sampleValues(view: StoryListView, field: "agency" | "language" | "category"): string[] {
  const values = new Set<string>();
  for (let i = 0; i < Math.min(view.length, SAMPLE_SIZE); i++) {
    const story = view.at(i)!;
    const found = field === "category" ? story.categories : field === "agency" ? [story.agency] : [story.language];
    for (const v of found) if (v) values.add(v);
  }
  return [...values].sort((a, b) => a.localeCompare(b));
}

interface StoryQueueProps {
  filters: StoryFilters;
  selectedId: string | null;
  marked: ReadonlySet<string>;
  menuStoryId: string | null;
  callbacks: RowCallbacks;
  handleRef: RefObject<QueueHandle | null>;
  /** The selection as last written, ahead of the render (keys pressed faster than the screen renders). */
  currentSelectedId?: () => string | null;
}

const POINTER_HOLD_MS = 2000;
/** How long a story the editor started may take to reach the queue and still be revealed. */
const REVEAL_WAIT_MS = 5000;

/**
 * The live wire queue, newest first and virtualized. Arrivals never move the line the editor reads
 * or has selected: while the view is held (scrolled, a story selected, the pointer busy over it) they
 * wait behind "N new"; stories that stop matching fade and leave; changes above keep the line in place.
 */
export function StoryQueue({ filters, selectedId, marked, menuStoryId, callbacks, handleRef, currentSelectedId }: StoryQueueProps) {
  const { query, view, isLoaded } = useStoryList(filters);
  const listKey = useMemo(() => JSON.stringify(filters), [filters]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [isScrolled, setIsScrolled] = useState(false);
  const isPointerActive = usePointerActivity(scrollRef, POINTER_HOLD_MS);
  const isHolding = selectedId !== null || isScrolled || isPointerActive || menuStoryId !== null;
  const { heldCount, reveal, beforeRemoval } = useHeldArrivals(view, listKey, isLoaded, isHolding);
  const viewRef = useLatestRef(view);
  const virtualRef = useRef<VirtualHandle | null>(null);
  const chooseRef = useLatestRef((due: readonly string[]) =>
    removableDepartures(due, {
      keep: new Set([...marked, ...(selectedId ? [selectedId] : []), ...(menuStoryId ? [menuStoryId] : [])]),
      lineOf: (id) => view.indexOf(id) - heldCount,
      selectedLine: selectedId ? view.indexOf(selectedId) - heldCount : -1,
      roomAbove: Math.floor((virtualRef.current?.metrics().scrollTop ?? 0) / currentRowHeight()),
    }),
  );
  const departures = useDepartures(filters, viewRef, chooseRef, beforeRemoval);
  const searchCount = useSearchArrivals(filters, viewRef, isLoaded ? (query.data?.pages[0]?.seq ?? 0) : -1);
  const { skipNext } = useScrollAnchor(scrollRef, virtualRef, view, heldCount, listKey, selectedId);
  const visibleCount = Math.max(0, view.length - heldCount);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const onNearEnd = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [isFetchingNextPage, fetchNextPage]);

  // A story asked for that the list does not hold yet: revealed when it arrives (after the render that adds
  // it), while it is still the one selected, in this list and within a few seconds; otherwise forgotten.
  const revealWhenIn = useRef<{ id: string; listKey: string; until: number } | null>(null);
  const revealNew = useCallback(() => {
    revealWhenIn.current = null;
    skipNext();
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setIsScrolled(false);
    reveal();
  }, [reveal, skipNext]);
  useLayoutEffect(() => {
    const pending = revealWhenIn.current;
    if (pending === null) return;
    const selected = currentSelectedId?.() ?? selectedId;
    if (pending.listKey !== listKey || selected !== pending.id || Date.now() > pending.until) revealWhenIn.current = null;
    else if (view.indexOf(pending.id) >= 0) revealNew();
  });
  const latest = useLatestRef({ view, listKey, heldCount, visibleCount, selectedId: currentSelectedId?.() ?? selectedId, callbacks, currentSelectedId });
  useImperativeHandle(
    handleRef,
    (): QueueHandle => ({
      move: (delta) => {
        const { view: v, heldCount: held, visibleCount: count, callbacks: cb, currentSelectedId: written } = latest.current;
        const selected = written ? written() : latest.current.selectedId;
        if (count === 0) return;
        const current = selected ? v.indexOf(selected) - held : -1;
        const onScreen = Math.ceil((virtualRef.current?.metrics().scrollTop ?? 0) / currentRowHeight());
        const next = current < 0 ? Math.min(onScreen, count - 1) : Math.min(count - 1, Math.max(0, current + delta));
        const story = v.at(held + next);
        if (!story) return;
        cb.onSelect(story.id);
        virtualRef.current?.scrollToIndex(next);
      },
      moveTo: (edge) => {
        const { view: v, heldCount: held, visibleCount: count, callbacks: cb } = latest.current;
        const index = edge === "first" ? 0 : count - 1;
        const story = v.at(held + index);
        if (!story) return;
        cb.onSelect(story.id);
        virtualRef.current?.scrollToIndex(index);
      },
      revealNew,
      revealStory: (id) => {
        if (latest.current.view.indexOf(id) >= 0) revealNew();
        else revealWhenIn.current = { id, listKey: latest.current.listKey, until: Date.now() + REVEAL_WAIT_MS };
      },
      story: (id) => {
        const v = latest.current.view;
        const index = v.indexOf(id);
        return index < 0 ? undefined : v.at(index);
      },
      inQueueOrder: (ids) => {
        const v = latest.current.view;
        const position = (id: string) => {
          const index = v.indexOf(id);
          return index < 0 ? Number.MAX_SAFE_INTEGER : index;
        };
        return ids.map((id, given) => ({ id, at: position(id), given })).sort((a, b) => a.at - b.at || a.given - b.given).map((entry) => entry.id);
      },
      sample: (field) => sampleValues(latest.current.view, field),
      focus: () => scrollRef.current?.focus(),
      focusLine: (id) => {
        const index = latest.current.view.indexOf(id) - latest.current.heldCount;
        if (index >= 0) virtualRef.current?.scrollToIndex(index);
        scrollRef.current?.focus();
      },
    }),
    [latest, revealNew],
  );

  const error = query.isError ? query.error : null;
  return (
    <div className="relative flex h-full min-h-0 flex-col">
      {error ? (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {error instanceof ApiError && error.code === "invalid_query" ? `That search could not be read: ${error.message}` : `Could not load the queue: ${error.message}`}
        </p>
      ) : null}
      <QueueColumns notice={<NewArrivalsButton heldCount={heldCount} searchCount={searchCount} onReveal={revealNew} onSearchAgain={() => void query.refetch()} />} />
      <VirtualQueue
        scrollRef={scrollRef}
        virtualRef={virtualRef}
        view={view}
        heldCount={heldCount}
        hasMore={hasNextPage}
        isBusy={query.isPending}
        selectedId={selectedId}
        marked={marked}
        departures={departures}
        callbacks={callbacks}
        onScrolledChange={setIsScrolled}
        onNearEnd={onNearEnd}
      />
      <QueueFooter isPending={query.isPending} isFailed={error !== null} isFetchingMore={isFetchingNextPage} hasMore={hasNextPage} visibleCount={visibleCount} />
    </div>
  );
}

function QueueFooter({ isPending, isFailed, isFetchingMore, hasMore, visibleCount }: { isPending: boolean; isFailed: boolean; isFetchingMore: boolean; hasMore: boolean; visibleCount: number }) {
  const text = isPending
    ? "Loading the wire…"
    : isFailed && visibleCount === 0
      ? "Nothing to show: the queue could not be loaded (see above)."
      : visibleCount === 0
      ? "No stories match. New ones appear here the moment they arrive."
      : `${formatCount(visibleCount)} stories${hasMore ? " loaded, more below" : ""}${isFetchingMore ? " · loading more…" : ""}`;
  return (
    <p role="status" aria-label="Queue status" className="border-t border-slate-200 px-2 py-0.5 text-[11px] text-slate-500 dark:border-slate-800 dark:text-slate-400">
      {text}
    </p>
  );
}
