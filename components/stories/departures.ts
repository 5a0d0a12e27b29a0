/**
 * Stories that stopped matching the queue's filters leave gracefully: they stay in place, faded and
 * marked "left this view", for a moment, and never while the editor works on them. This module
 * remembers when each started to leave and decides which may go now.
 */
export class Departures {
  private readonly since = new Map<string, number>();

  /** A story stopped matching at `now` (a later call keeps the first time). */
  mark(id: string, now: number): void {
    if (!this.since.has(id)) this.since.set(id, now);
  }

  /** A story matches again (e.g. an undone spike): it stays. */
  cancel(id: string): void {
    this.since.delete(id);
  }

  /** True while a story is on its way out. */
  has(id: string): boolean {
    return this.since.has(id);
  }

  /** How many stories are leaving. */
  get size(): number {
    return this.since.size;
  }

  /** The stories that have been leaving for at least `delayMs`. */
  due(now: number, delayMs: number): string[] {
    return [...this.since].filter(([, at]) => now - at >= delayMs).map(([id]) => id);
  }

  /** Stories that left the list (or the list was replaced): nothing to remember. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.since.delete(id);
  }
}

/** Where the due stories stand in the visible queue, and what the editor holds on to. */
export interface RemovalContext {
  /** Stories selected, marked or with an open menu: they stay. */
  keep: ReadonlySet<string>;
  /** A story's line in the visible queue (-1 when held back or not listed). */
  lineOf: (id: string) => number;
  /** The selected story's line (-1: none visible). */
  selectedLine: number;
  /** How many lines the scroll position can give up above the screen (scrollTop / line height). */
  roomAbove: number;
}

/**
 * Which due stories may leave now. Kept ones stay. Lines above the selected one may go only as far as
 * the scroll position can absorb them, so the selected line stays on the same pixel; the others wait,
 * faded, until they can leave without moving it.
 */
export function removableDepartures(due: readonly string[], context: RemovalContext): Set<string> {
  const removable = new Set<string>();
  const above: { id: string; line: number }[] = [];
  for (const id of due) {
    if (context.keep.has(id)) continue;
    const line = context.lineOf(id);
    if (context.selectedLine >= 0 && line >= 0 && line < context.selectedLine) above.push({ id, line });
    else removable.add(id);
  }
  above.sort((a, b) => a.line - b.line);
  for (const { id } of above.slice(0, Math.max(0, context.roomAbove))) removable.add(id);
  return removable;
}
