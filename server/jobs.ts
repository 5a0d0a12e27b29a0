import type { AppContext } from "./app-context";
import { startDropFolder } from "./ingest/sources/drop-folder";
import { startFeedPoller } from "./ingest/sources/feed-poller";
import { watchAgencyKills } from "./publishing/agency-kill";
import { startScheduler } from "./publishing/scheduler";
import { startWebhookDispatcher } from "./publishing/webhook-dispatcher";
import { startRetentionJob } from "./reliability/retention";
import { startAutoSpike } from "./stories/auto-spike";

/** Starts the background jobs (drop folder, feed polling, auto-spike, scheduled publishing, webhooks, agency kills, retention); returns a function that stops them. */
export function startBackgroundJobs(ctx: AppContext): () => Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  if (ctx.env.WIREDESK_DROP_DIR) {
    const drop = startDropFolder(ctx, { dir: ctx.env.WIREDESK_DROP_DIR });
    stops.push(() => drop.stop());
  }
  const feeds = startFeedPoller(ctx);
  stops.push(() => feeds.stop());
  if (ctx.env.WIREDESK_AUTOSPIKE_HOURS > 0) stops.push(startAutoSpike(ctx).stop);
  stops.push(startScheduler(ctx).stop, startWebhookDispatcher(ctx).stop, startRetentionJob(ctx).stop);
  const stopWatching = watchAgencyKills(ctx);
  stops.push(async () => stopWatching());
  return async () => {
    await Promise.all(stops.map((s) => s()));
  };
}
