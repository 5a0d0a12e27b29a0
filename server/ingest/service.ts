import { createHash } from "node:crypto";
import type { IngestResult } from "../contract/ingest";
import { AppError } from "../errors";
import type { AppliedDelivery, NewDelivery } from "../storage/store";
import type { WireFormat } from "../domain/normalized-story";
import type { IngestContext } from "./ingest-context";

/** Where a delivery came from. */
export interface DeliverySource {
  channel: NewDelivery["channel"];
  sourceName: string | null;
  format?: WireFormat;
}

/** What one ingested delivery became. */
export interface IngestReport {
  deliveryId: number;
  format: WireFormat;
  results: AppliedDelivery["results"];
}

/**
 * The one ingest pipeline every channel uses: keep the bytes verbatim, parse, dedupe and store in
 * one transaction, then push the changed stories to every desk after commit.
 * A delivery that cannot be parsed stays in quarantine and raises a 422 AppError.
 */
export async function ingestDelivery(ctx: IngestContext, bytes: Uint8Array, source: DeliverySource): Promise<IngestReport> {
  const receivedAt = new Date().toISOString();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Counted from arrival to commit or refusal: the ingest backlog the alarms and /metrics read.
  ctx.metrics?.deliveryStarted();
  try {
    const { id: deliveryId } = await ctx.store.stories.recordDelivery({ channel: source.channel, sourceName: source.sourceName, raw: bytes, sha256, receivedAt });
    return await parseAndApply(ctx, deliveryId, bytes, source.format, receivedAt, source.channel);
  } finally {
    ctx.metrics?.deliveryFinished();
  }
}

/** Parses stored bytes and applies them (also used to re-run a quarantined delivery). */
export async function parseAndApply(
  ctx: IngestContext,
  deliveryId: number,
  bytes: Uint8Array,
  format: WireFormat | undefined,
  receivedAt: string,
  channel?: string,
): Promise<IngestReport> {
  const startedAt = performance.now();
  // A feed's body is detected as a wire format or quarantined; plain text only when the feed says so.
  const detectsPlain = channel !== "feed";
  const outcome = await ctx.parser.parse(bytes, { format, maxBytes: ctx.env.WIREDESK_MAX_DELIVERY_BYTES, detectsPlain });
  if (!outcome.ok) {
    await ctx.store.stories.failDelivery(deliveryId, outcome.error.format, outcome.error.code, outcome.error.message);
    ctx.logger.warn({ deliveryId, code: outcome.error.code, reason: outcome.error.message }, "delivery quarantined");
    throw new AppError(outcome.error.code === "too_large" ? "payload_too_large" : "unparseable", outcome.error.message);
  }
  const { format: detected, stories, recorded } = outcome.value;
  const applied = await ctx.store.stories.applyDelivery(deliveryId, detected, stories, recorded, receivedAt);
  ctx.publisher.storiesChanged(applied.changed);
  ctx.metrics?.ingested(detected, applied.results.map((r) => r.outcome), startedAt);
  return { deliveryId, format: detected, results: applied.results };
}

/** The API view of an ingest: the delivery and what each story became. */
export function presentIngestReport(report: IngestReport): IngestResult {
  return {
    deliveryId: report.deliveryId,
    format: report.format,
    stories: report.results.map((r) => ({ id: r.id, guid: r.guid, agencyVersion: r.agencyVersion, outcome: r.outcome })),
  };
}
