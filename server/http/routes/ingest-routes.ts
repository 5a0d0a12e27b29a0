import { WireFormatSchema } from "../../ingest/normalized-story";
import { ingestDelivery } from "../../ingest/service";
import { AppError } from "../../errors";
import type { Route } from "../route";

/** `POST /api/ingest`: raw wire bytes in, stories out (201). */
export const ingestRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/ingest",
    access: "ingest",
    handler: async ({ ctx, url, body, actor }) => {
      const formatParam = url.searchParams.get("format");
      const format = formatParam === null ? undefined : WireFormatSchema.safeParse(formatParam);
      if (format && !format.success) throw new AppError("bad_request", `Unknown format "${formatParam}"; use one of ${WireFormatSchema.options.join(", ")}.`);
      const bytes = await body(ctx.env.WIREDESK_MAX_DELIVERY_BYTES);
      if (bytes.length === 0) throw new AppError("bad_request", "The body is empty: send the wire file as the request body.");
      const sourceName = actor.kind === "token" ? actor.name : null;
      const report = await ingestDelivery(ctx, new Uint8Array(bytes), { channel: "http", sourceName, format: format?.data });
      return {
        status: 201,
        body: {
          deliveryId: report.deliveryId,
          format: report.format,
          stories: report.results.map((r) => ({ id: r.id, guid: r.guid, agencyVersion: r.agencyVersion, outcome: r.outcome })),
        },
      };
    },
  },
];
