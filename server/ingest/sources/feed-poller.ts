import type { FeedRecord } from "@/db/schema";
import { AppError } from "../../errors";
import type { FeedPollState, StoryOutcome } from "../../storage/store";
import { WireFormatSchema } from "../../contract/wire-format";
import type { IngestAdminContext } from "../ingest-context";
import { ingestDelivery } from "../service";
import { nextPollDelaySeconds } from "./feed-backoff";
import { FeedFetchError, fetchFeed } from "./feed-fetch";

/** How the poller runs. */
export interface FeedPollerOptions {
  /** How often due feeds are looked for. */
  tickMs?: number;
  /** The time budget of one poll (request and body). */
  timeoutMs?: number;
}

/** A running feed poller. */
export interface FeedPoller {
  stop(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_FEEDS_PER_TICK = 20;

// One poll per feed at a time in this process, shared by the scheduler and "poll now".
const inFlight = new Map<string, Promise<FeedRecord | null>>();

function after(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

async function pollState(ctx: IngestAdminContext, feed: FeedRecord, timeoutMs: number): Promise<FeedPollState> {
  const now = new Date();
  const ok = (patch: Partial<FeedPollState>): FeedPollState => ({
    etag: feed.etag,
    lastModified: feed.lastModified,
    lastPolledAt: now.toISOString(),
    lastError: null,
    lastStatus: "200",
    lastNewStories: 0,
    lastUpdatedStories: 0,
    failures: 0,
    nextPollAt: after(now, feed.intervalSeconds),
    ...patch,
  });
  const failed = (status: string, message: string): FeedPollState => ({
    // Validators are kept only from a poll that worked, so a broken body is fetched again after the back-off.
    etag: feed.etag,
    lastModified: feed.lastModified,
    lastPolledAt: now.toISOString(),
    lastStatus: status,
    lastError: message,
    lastNewStories: null,
    lastUpdatedStories: null,
    failures: feed.failures + 1,
    nextPollAt: after(now, nextPollDelaySeconds(feed.intervalSeconds, feed.failures + 1)),
  });
  try {
    const request = { url: feed.url, etag: feed.etag, lastModified: feed.lastModified, timeoutMs, maxBytes: ctx.env.WIREDESK_MAX_DELIVERY_BYTES, policy: ctx.outbound };
    const response = await fetchFeed(request);
    if (response.kind === "not_modified") return ok({ lastStatus: "304" });
    const format = WireFormatSchema.safeParse(feed.format);
    const report = await ingestDelivery(ctx, response.bytes, { channel: "feed", sourceName: feed.name, format: format.success ? format.data : undefined });
    ctx.logger.info({ feed: feed.name, deliveryId: report.deliveryId, stories: report.results.length }, "feed polled");
    const count = (outcome: StoryOutcome) => report.results.filter((r) => r.outcome === outcome).length;
    return ok({
      lastStatus: String(response.status),
      etag: response.etag,
      lastModified: response.lastModified,
      lastNewStories: count("created"),
      lastUpdatedStories: count("updated"),
    });
  } catch (error) {
    if (error instanceof FeedFetchError) return failed(error.status, error.message);
    if (error instanceof AppError) return failed(error.code, error.message);
    ctx.logger.error({ err: error, feed: feed.name }, "feed poll failed");
    return failed("error", "The poll failed on the server; see the server log.");
  }
}

/**
 * Polls one feed now: a conditional GET, the body (if any) ingested through the pipeline (channel
 * "feed"), then the feed's state, next poll and back-off saved. Answers the feed after the poll,
 * or null when there is no such feed.
 */
export function pollFeed(ctx: IngestAdminContext, feedId: string, options: { timeoutMs?: number } = {}): Promise<FeedRecord | null> {
  const running = inFlight.get(feedId);
  if (running) return running;
  const poll = (async () => {
    const feed = await ctx.store.feeds.getFeed(feedId);
    if (!feed) return null;
    const state = await pollState(ctx, feed, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (state.failures > 0) ctx.logger.warn({ feed: feed.name, status: state.lastStatus, failures: state.failures, reason: state.lastError }, "feed poll failed");
    return ctx.store.feeds.updateFeed(feedId, state);
  })().finally(() => inFlight.delete(feedId));
  inFlight.set(feedId, poll);
  return poll;
}

/** Starts polling every enabled feed when it is due; returns a handle that stops it. */
export function startFeedPoller(ctx: IngestAdminContext, options: FeedPollerOptions = {}): FeedPoller {
  const mine = new Set<Promise<unknown>>();
  let isTicking = false;
  let isStopped = false;
  const tick = async () => {
    if (isTicking || isStopped) return;
    isTicking = true;
    try {
      const due = await ctx.store.feeds.listDueFeeds(new Date().toISOString(), MAX_FEEDS_PER_TICK);
      for (const feed of due) {
        if (isStopped || inFlight.has(feed.id)) continue;
        const poll = pollFeed(ctx, feed.id, options).catch((error: unknown) => ctx.logger.error({ err: error, feed: feed.name }, "feed poll crashed"));
        mine.add(poll);
        void poll.finally(() => mine.delete(poll));
      }
    } catch (error) {
      ctx.logger.error({ err: error }, "feed scheduler failed");
    } finally {
      isTicking = false;
    }
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 1000);
  timer.unref();
  void tick();
  return {
    stop: async () => {
      isStopped = true;
      clearInterval(timer);
      await Promise.allSettled([...mine]);
    },
  };
}
