import type { AppContext } from "../app-context";

/** How often the change log is checked for changes this process did not publish. */
export const FOLLOW_INTERVAL_MS = 1000;
/** Change-log entries read per step; a big backlog is published over several steps. */
const BATCH = 1000;

/**
 * Publishes changes committed by another process sharing the database (the ingest CLI now, other
 * nodes later). At every interval it reads the change log past its own cursor and pushes the
 * stories of entries this process did not publish itself (services publish their own changes after
 * commit). Desks apply events by seq, so the rare change sent twice is harmless.
 */
export function startChangeFollower(ctx: AppContext, intervalMs = FOLLOW_INTERVAL_MS): { stop: () => Promise<void> } {
  // Seqs published here since the cursor; pruned as the cursor passes them.
  const publishedHere = new Set<number>();
  const stopObserving = ctx.publisher.observe((seqs) => {
    for (const seq of seqs) publishedHere.add(seq);
  });
  let cursor: number | null = null;
  let stopped = false;

  const step = async () => {
    if (cursor === null) {
      cursor = await ctx.store.stories.currentSeq(); // start from now: what came before is catch-up's job
      return;
    }
    for (;;) {
      const entries = await ctx.store.stories.listChangeLog(cursor, BATCH);
      if (entries.length === 0 || stopped) return;
      const foreign = new Set(entries.filter((e) => !publishedHere.has(e.seq)).map((e) => e.storyId));
      const stories = await Promise.all([...foreign].map((id) => ctx.store.stories.getStory(id)));
      const changed = stories.filter((s) => s !== null).map((story) => ({ seq: story.seq, story }));
      if (changed.length > 0) ctx.publisher.storiesChanged(changed.sort((a, b) => a.seq - b.seq));
      cursor = entries.at(-1)!.seq;
      for (const seq of publishedHere) if (seq <= cursor) publishedHere.delete(seq);
      if (entries.length < BATCH) return;
    }
  };

  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // a slow step is not queued behind itself
    running = step()
      .catch((error: unknown) => ctx.logger.error({ err: error }, "following the change log failed"))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      stopObserving();
      await running;
    },
  };
}
