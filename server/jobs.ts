import type { AppContext } from "./app-context";
import { startDropFolder } from "./ingest/sources/drop-folder";
import { startFeedPoller } from "./ingest/sources/feed-poller";
import { startAutoSpike } from "./stories/auto-spike";

/** Starts the background jobs (drop folder, feed polling, auto-spike); returns a function that stops them. */
export function startBackgroundJobs(ctx: AppContext): () => Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  if (ctx.env.WIREDESK_DROP_DIR) {
    const drop = startDropFolder(ctx, { dir: ctx.env.WIREDESK_DROP_DIR });
    stops.push(() => drop.stop());
  }
  const feeds = startFeedPoller(ctx);
  stops.push(() => feeds.stop());
  if (ctx.env.WIREDESK_AUTOSPIKE_HOURS > 0) stops.push(startAutoSpike(ctx).stop);
  return async () => {
    await Promise.all(stops.map((s) => s()));
  };
}
