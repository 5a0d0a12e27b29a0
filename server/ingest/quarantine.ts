import type { DeliveryRecord } from "@/db/schema";
import type { IngestErrorDto, IngestErrorList, IngestResult } from "../contract/ingest";
import { AppError } from "../errors";
import type { WireFormat } from "../domain/normalized-story";
import type { IngestAdminContext } from "./ingest-context";
import { parseAndApply, presentIngestReport } from "./service";

const LIST_LIMIT = 500;

const EXTENSIONS: Record<string, string> = {
  "newsml-g2": "xml",
  nitf: "xml",
  "newsml-1.2": "xml",
  rss: "xml",
  atom: "xml",
  ninjs: "json",
  digitalwires: "json",
  anpa: "txt",
  iptc7901: "txt",
  plain: "txt",
};

/** The admin view of a quarantined delivery. */
export function presentIngestError(row: DeliveryRecord): IngestErrorDto {
  return {
    id: row.id,
    receivedAt: row.receivedAt,
    channel: row.channel,
    sourceName: row.sourceName,
    format: row.format,
    size: row.size,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
  };
}

/** Deliveries that could not be parsed, newest first. */
export async function listIngestErrors(ctx: IngestAdminContext): Promise<IngestErrorList> {
  return { deliveries: (await ctx.store.stories.listFailedDeliveries(LIST_LIMIT)).map(presentIngestError) };
}

async function getFailed(ctx: IngestAdminContext, id: number) {
  const found = Number.isSafeInteger(id) ? await ctx.store.stories.getDeliveryRaw(id) : null;
  if (!found || found.record.status !== "failed") throw new AppError("not_found", "No quarantined delivery with that id.");
  return found;
}

/** The bytes of a quarantined delivery exactly as they arrived, with a file name for the download. */
export async function getIngestErrorRaw(ctx: IngestAdminContext, id: number): Promise<{ bytes: Uint8Array; filename: string }> {
  const { record, raw } = await getFailed(ctx, id);
  return { bytes: raw, filename: `delivery-${record.id}.${EXTENSIONS[record.format ?? ""] ?? "bin"}` };
}

/** Runs a quarantined delivery through the current parsers again (422 with the new reason if it still fails). */
export async function retryIngestError(ctx: IngestAdminContext, id: number, format: WireFormat | undefined, actorId: string): Promise<IngestResult> {
  const { record, raw } = await getFailed(ctx, id);
  await ctx.store.accounts.appendAudit({ actorId, action: "delivery_retried", subject: String(id), detail: { format: format ?? null } });
  return presentIngestReport(await parseAndApply(ctx, record.id, raw, format, record.receivedAt, record.channel));
}
