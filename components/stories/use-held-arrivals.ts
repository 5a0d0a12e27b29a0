import { useCallback, useLayoutEffect, useReducer, useRef } from "react";
import { boundaryAfterRemoval, resolveHeld, revealAll, type Boundary } from "./held-arrivals";
import type { StoryListView } from "./list-pages";

/**
 * Holds new arrivals above the newest story the editor can see while the view is held (see
 * held-arrivals.ts): returns how many are held, `reveal` for "show N new", and `beforeRemoval`
 * to keep the boundary when stories leave the list.
 */
export function useHeldArrivals(view: StoryListView, listKey: string, isLoaded: boolean, isHolding: boolean) {
  const boundaryRef = useRef<Boundary>(undefined);
  const keyRef = useRef(listKey);
  const viewRef = useRef(view);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const isNewList = keyRef.current !== listKey;
  const boundary = isNewList || !isLoaded ? undefined : boundaryRef.current;
  const held = isLoaded ? resolveHeld(view, boundary, isHolding) : { heldCount: 0, boundary: undefined };

  useLayoutEffect(() => {
    keyRef.current = listKey;
    viewRef.current = view;
    boundaryRef.current = held.boundary;
  });

  const reveal = useCallback(() => {
    boundaryRef.current = revealAll(viewRef.current);
    rerender();
  }, []);
  const beforeRemoval = useCallback((removed: ReadonlySet<string>) => {
    boundaryRef.current = boundaryAfterRemoval(viewRef.current, boundaryRef.current, removed);
  }, []);
  return { heldCount: held.heldCount, reveal, beforeRemoval };
}
