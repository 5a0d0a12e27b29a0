import type { StoryListView } from "./list-pages";

/**
 * The "boundary" is the newest story the editor can see. Everything above it in the list arrived
 * while the view was held and stays hidden behind the "N new" button, so nothing the editor reads
 * or has selected moves. `undefined`: not set yet (no list seen); `null`: the list was empty when
 * holding began, so every story in it is new.
 */
export type Boundary = string | null | undefined;

/** What the queue shows: how many stories at the top are held back, and the boundary to keep. */
export interface HeldState {
  heldCount: number;
  boundary: string | null;
}

/**
 * Resolves the held arrivals for a list. When the view is not held (at the top, nothing selected,
 * the pointer at rest) the boundary follows the top of the list and arrivals enter directly.
 * A boundary that left the list (a refetch replaced it) reveals everything: there is no line to keep.
 */
export function resolveHeld(view: StoryListView, boundary: Boundary, isHolding: boolean): HeldState {
  const top = view.at(0)?.id ?? null;
  if (boundary === undefined || !isHolding) return { heldCount: 0, boundary: top };
  if (boundary === null) return { heldCount: view.length, boundary: null };
  const index = view.indexOf(boundary);
  if (index < 0) return { heldCount: 0, boundary: top };
  return { heldCount: index, boundary };
}

/** The boundary once `removed` stories leave the list: the first remaining story at or below it. */
export function boundaryAfterRemoval(view: StoryListView, boundary: Boundary, removed: ReadonlySet<string>): Boundary {
  if (boundary === undefined || boundary === null || !removed.has(boundary)) return boundary;
  const start = view.indexOf(boundary);
  if (start < 0) return boundary;
  for (let i = start + 1; i < view.length; i++) {
    const id = view.at(i)!.id;
    if (!removed.has(id)) return id;
  }
  return null;
}

/** The boundary after "show N new": the top of the list, so every held story becomes visible. */
export function revealAll(view: StoryListView): string | null {
  return view.at(0)?.id ?? null;
}
