import type { StoryUpsertedEvent } from "@/server/contract/events";

const CAPACITY = 5000;
let ring: StoryUpsertedEvent[] = [];

/**
 * The story events this page applied most recently (up to 5,000). A list page fetched while the
 * socket is live reflects the log up to its own `seq`; events applied to the cache before that page
 * landed would be missing from it, so the page is caught up from here before it enters the cache.
 */
export const recentStoryEvents = {
  /** Remembers a batch just applied to the cache. */
  record(events: readonly StoryUpsertedEvent[]): void {
    ring.push(...events);
    if (ring.length > CAPACITY * 2) ring = ring.slice(-CAPACITY);
  },
  /** The remembered stories changed after `seq`, oldest first. */
  since(seq: number): StoryUpsertedEvent[] {
    let start = ring.length;
    while (start > 0 && ring[start - 1]!.seq > seq) start--;
    return ring.slice(start).filter((e) => e.seq > seq);
  },
};
