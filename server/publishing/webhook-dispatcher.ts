import { createHmac } from "node:crypto";
import type { AppContext } from "../app-context";
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_EVENT_HEADER, WEBHOOK_SIGNATURE_HEADER } from "../contract/webhooks";
import { fetchFeed, FeedFetchError } from "../ingest/sources/feed-fetch";
import type { DueWebhookDelivery, WebhookAttempt } from "../storage/publishing-store";
import { onPublicationChanged } from "./hub";

/** How long one POST may take before it counts as failed. */
const TIMEOUT_MS = 10_000;
/** How often the queue is looked at besides the nudge each publication change gives. */
const POLL_MS = 250;
const MAX_BACKOFF_MS = 60 * 60_000;
/** Outcomes are gathered this long and written in one transaction (a fan-out to many receivers is one write). */
const RECORD_EVERY_MS = 100;

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the endpoint's secret. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** The wait before the next attempt: base × 2^(attempts-1), at most an hour. */
export function backoffMs(baseMs: number, attemptsSoFar: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attemptsSoFar - 1));
}

async function deliver(ctx: AppContext, { delivery, webhook }: DueWebhookDelivery): Promise<WebhookAttempt> {
  const at = new Date(ctx.now()).toISOString();
  const attempts = delivery.attempts + 1;
  try {
    // The pull feeds' fetch code, so webhooks follow the same address rules and limits.
    await fetchFeed({
      url: webhook.url,
      policy: ctx.outbound,
      method: "POST",
      body: delivery.body,
      headers: {
        "content-type": "application/json",
        "user-agent": "Wiredesk webhooks",
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(webhook.secret, delivery.body),
        [WEBHOOK_EVENT_HEADER]: delivery.event,
        [WEBHOOK_DELIVERY_HEADER]: String(delivery.id),
      },
      etag: null,
      lastModified: null,
      timeoutMs: TIMEOUT_MS,
      maxBytes: 64 * 1024,
      keepAlive: true, // one connection per receiver, not a handshake per event
    });
    return { id: delivery.id, at, status: "ok", error: null, outcome: "delivered" };
  } catch (error) {
    const status = error instanceof FeedFetchError ? error.status : "error";
    const message = error instanceof Error ? error.message : "The delivery failed.";
    const giveUp = attempts >= ctx.env.WIREDESK_WEBHOOK_MAX_ATTEMPTS;
    const nextAttemptAt = new Date(ctx.now() + backoffMs(ctx.env.WIREDESK_WEBHOOK_RETRY_BASE_MS, attempts)).toISOString();
    return { id: delivery.id, at, status, error: message, outcome: giveUp ? "failed" : "retry", nextAttemptAt };
  }
}

/**
 * Sends queued webhook deliveries in the background: each POST on its own (a slow or dead receiver holds
 * only its own delivery, never the desk or other receivers), retried with exponential backoff. The
 * queue is in SQLite, so deliveries pending at a stop are sent after the restart.
 */
export function startWebhookDispatcher(ctx: AppContext): { stop: () => Promise<void>; kick: () => void } {
  const inFlight = new Map<number, Promise<void>>();
  let pending: WebhookAttempt[] = [];
  let flushing: Promise<void> | null = null;
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length > 0) await ctx.store.webhooks.recordAttempts(batch);
  };
  const record = (attempt: WebhookAttempt) => {
    pending.push(attempt);
    flushing ??= new Promise<void>((resolve) => setTimeout(resolve, RECORD_EVERY_MS))
      .then(flush)
      .finally(() => (flushing = null));
    return flushing;
  };
  let stopped = false;
  let scanning: Promise<void> | null = null;
  const scan = async () => {
    try {
      const due = await ctx.store.webhooks.listDueDeliveries(new Date(ctx.now()).toISOString(), 100);
      for (const item of due) {
        // One send per turn of the event loop: a fan-out to many receivers never holds the desk's
        // requests and socket pushes back for the whole burst.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (stopped) break;
        if (inFlight.has(item.delivery.id) || inFlight.size >= 64) continue;
        const run = deliver(ctx, item)
          .then(record)
          .catch((error: unknown) => ctx.logger.error({ err: error }, "webhook delivery bookkeeping failed"))
          .finally(() => inFlight.delete(item.delivery.id));
        inFlight.set(item.delivery.id, run);
      }
    } catch (error) {
      ctx.logger.error({ err: error }, "webhook queue scan failed");
    }
  };
  const kick = () => {
    if (stopped || scanning) return;
    scanning = scan().finally(() => (scanning = null));
  };
  const timer = setInterval(kick, POLL_MS);
  timer.unref();
  const stopListening = onPublicationChanged(ctx, () => setImmediate(kick));
  kick();
  return {
    kick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      stopListening();
      await scanning;
      await Promise.allSettled([...inFlight.values()]);
      await flushing;
      await flush();
    },
  };
}
