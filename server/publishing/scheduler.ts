import type { AppContext } from "../app-context";
import { runWorkflowAction } from "../stories/workflow-service";

/** How often due scheduled and embargoed stories are looked for. */
export const SCHEDULE_INTERVAL_MS = 500;

/**
 * Publishes every scheduled story whose time has come (and whose embargo is over). The schedule lives in
 * SQLite, so a story due while the server was down goes out at the first run after the restart. A story
 * that can no longer go out (its copy fails validation) keeps its state, loses its time and is logged.
 */
export async function publishDueStories(ctx: AppContext, now = new Date(ctx.now())): Promise<number> {
  const due = await ctx.store.publishing.listDueScheduled(now.toISOString(), 50);
  let published = 0;
  for (const id of due) {
    try {
      await runWorkflowAction(ctx, id, "publish", { userId: null, role: "chief" });
      published += 1;
    } catch (error) {
      ctx.logger.warn({ err: error, storyId: id }, "a scheduled story could not be published; it stays scheduled without a time");
      await ctx.store.publishing.clearSchedule(id);
    }
  }
  return published;
}

/** Runs the scheduler twice a second; returns a function that stops it. */
export function startScheduler(ctx: AppContext): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const run = () => {
    if (busy) return;
    busy = true;
    running = publishDueStories(ctx)
      .catch((error: unknown) => ctx.logger.error({ err: error }, "scheduler failed"))
      .finally(() => (busy = false));
  };
  run();
  const timer = setInterval(run, SCHEDULE_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
