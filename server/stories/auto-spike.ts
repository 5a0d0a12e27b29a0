import type { AppContext } from "../app-context";

/** The most stories one run spikes, so a backlog is worked off in small transactions. */
export const AUTO_SPIKE_BATCH = 500;
/** How often the job runs. */
export const AUTO_SPIKE_INTERVAL_MS = 60_000;

/**
 * Spikes incoming stories nobody took that have not changed for WIREDESK_AUTOSPIKE_HOURS
 * (0: never), one bounded batch per call; every desk is told after commit. Returns how many.
 */
export async function spikeStaleStories(ctx: AppContext, now = new Date()): Promise<number> {
  const hours = ctx.env.WIREDESK_AUTOSPIKE_HOURS;
  if (hours <= 0) return 0;
  const before = new Date(now.getTime() - hours * 3_600_000).toISOString();
  const changed = await ctx.store.queue.spikeStale(before, AUTO_SPIKE_BATCH);
  if (changed.length > 0) {
    ctx.publisher.storiesChanged(changed);
    ctx.logger.info({ count: changed.length, hours }, "auto-spiked stale incoming stories");
  }
  return changed.length;
}

/** Runs the auto-spike every minute; returns a function that stops it. */
export function startAutoSpike(ctx: AppContext): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = spikeStaleStories(ctx).catch((error: unknown) => ctx.logger.error({ err: error }, "auto-spike failed"));
  };
  const timer = setInterval(run, AUTO_SPIKE_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
