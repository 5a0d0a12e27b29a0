import { useCallback, useLayoutEffect, useRef, type RefObject } from "react";
import type { StoryListView } from "./list-pages";
import { currentRowHeight } from "./row-height";
import type { VirtualHandle } from "./virtual-queue";

interface Snapshot {
  view: StoryListView;
  heldCount: number;
  listKey: string;
}

/** How far below the anchor to look for a line that survived a change. */
const SEARCH_ROWS = 200;

/**
 * Keeps the line the editor looks at on the same pixel when the list changes above it (a story
 * leaving, an older story joining): the selected line if it is on screen, else the first line on
 * screen. Runs before paint, so the line never visibly jumps; reads the virtualizer's last measured
 * scroll position rather than the DOM (no forced layout). `skipNext` is for deliberate jumps.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLElement | null>,
  virtualRef: RefObject<VirtualHandle | null>,
  view: StoryListView,
  heldCount: number,
  listKey: string,
  selectedId: string | null,
) {
  const previous = useRef<Snapshot | null>(null);
  const isSkipping = useRef(false);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const metrics = virtualRef.current?.metrics();
    const before = previous.current;
    previous.current = { view, heldCount, listKey };
    if (!element || !metrics || !before || before.listKey !== listKey || isSkipping.current) {
      isSkipping.current = false;
      return;
    }
    if (before.view === view && before.heldCount === heldCount) return;
    const top = metrics.scrollTop;
    if (top <= 0 && !selectedId) return; // at the top with nothing selected: arrivals may push in
    const rowHeight = currentRowHeight();
    const first = Math.floor(top / rowHeight);
    const onScreen = Math.ceil(metrics.height / rowHeight);
    const selected = selectedId ? before.view.indexOf(selectedId) - before.heldCount : -1;
    const anchor = selected >= first && selected < first + onScreen ? selected : first;
    for (let i = anchor; i < anchor + SEARCH_ROWS; i++) {
      const id = before.view.at(before.heldCount + i)?.id;
      if (id === undefined) return;
      const now = view.indexOf(id) - heldCount;
      if (now < 0) continue;
      if (now !== i) element.scrollTop = Math.max(0, top + (now - i) * rowHeight);
      return;
    }
  });

  const skipNext = useCallback(() => void (isSkipping.current = true), []);
  return { skipNext };
}
