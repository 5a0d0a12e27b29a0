import { randomBytes } from "node:crypto";
import type { FeedRecord } from "@/db/schema";
import type { FeedDto, FeedInput, FeedPatch } from "../../contract/feeds";
import { AppError } from "../../errors";
import { assertOutboundUrl } from "../../net/outbound-policy";
import type { IngestAdminContext } from "../ingest-context";
import { pollFeed } from "./feed-poller";

/** The admin view of a feed. */
export function presentFeed(row: FeedRecord): FeedDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    intervalSeconds: row.intervalSeconds,
    enabled: row.enabled,
    format: row.format,
    etag: row.etag,
    lastModified: row.lastModified,
    lastPolledAt: row.lastPolledAt,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    lastNewStories: row.lastNewStories,
    lastUpdatedStories: row.lastUpdatedStories,
    failures: row.failures,
    nextPollAt: row.nextPollAt,
    createdAt: row.createdAt,
  };
}

/** Every configured pull feed. */
export async function listFeeds(ctx: IngestAdminContext): Promise<FeedDto[]> {
  return (await ctx.store.feeds.listFeeds()).map(presentFeed);
}

/** Adds a pull feed; it is polled for the first time at once. */
export async function createFeed(ctx: IngestAdminContext, input: FeedInput, actorId: string): Promise<FeedDto> {
  assertOutboundUrl(ctx.outbound, input.url);
  const now = new Date().toISOString();
  const feed = await ctx.store.feeds.createFeed({
    id: randomBytes(12).toString("hex"),
    name: input.name,
    url: input.url,
    intervalSeconds: input.intervalSeconds,
    enabled: input.enabled ?? true,
    format: input.format ?? null,
    nextPollAt: now,
    createdAt: now,
  });
  await ctx.store.accounts.appendAudit({ actorId, action: "feed_created", subject: feed.id, detail: { name: feed.name, url: feed.url } });
  return presentFeed(feed);
}

/** Changes a feed; a new URL (or re-enabling it) forgets the old validators and polls soon. */
export async function updateFeed(ctx: IngestAdminContext, id: string, patch: FeedPatch, actorId: string): Promise<FeedDto> {
  if (patch.url !== undefined) assertOutboundUrl(ctx.outbound, patch.url);
  const current = await ctx.store.feeds.getFeed(id);
  if (!current) throw new AppError("not_found", "No feed with that id.");
  const now = new Date();
  const extra: Partial<FeedRecord> = {};
  if (patch.url !== undefined && patch.url !== current.url) {
    Object.assign(extra, {
      etag: null,
      lastModified: null,
      lastStatus: null,
      lastError: null,
      lastNewStories: null,
      lastUpdatedStories: null,
      failures: 0,
      nextPollAt: now.toISOString(),
    });
  } else if (patch.enabled === true && !current.enabled) {
    Object.assign(extra, { failures: 0, nextPollAt: now.toISOString() });
  } else if (patch.intervalSeconds !== undefined && current.failures === 0 && current.lastPolledAt) {
    extra.nextPollAt = new Date(Date.parse(current.lastPolledAt) + patch.intervalSeconds * 1000).toISOString();
  }
  const updated = await ctx.store.feeds.updateFeed(id, { ...patch, ...extra });
  if (!updated) throw new AppError("not_found", "No feed with that id.");
  await ctx.store.accounts.appendAudit({ actorId, action: "feed_updated", subject: id, detail: patch });
  return presentFeed(updated);
}

/** Removes a feed (stories it brought stay). */
export async function removeFeed(ctx: IngestAdminContext, id: string, actorId: string): Promise<void> {
  if (!(await ctx.store.feeds.removeFeed(id))) throw new AppError("not_found", "No feed with that id.");
  await ctx.store.accounts.appendAudit({ actorId, action: "feed_removed", subject: id });
}

/** Polls a feed now, whatever its schedule, and answers its state after the poll. */
export async function pollFeedNow(ctx: IngestAdminContext, id: string): Promise<FeedDto> {
  const feed = await pollFeed(ctx, id);
  if (!feed) throw new AppError("not_found", "No feed with that id.");
  return presentFeed(feed);
}
