import { ingestDelivery, presentIngestReport } from "../../ingest/service";
import { AppError } from "../../errors";
import { formatFromQuery } from "../format-param";
import type { Route } from "../route";

/** `POST /api/ingest`: raw wire bytes in, stories out (201). */
export const ingestRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/ingest",
    access: "ingest",
    handler: async (request) => {
      const { ctx, url, actor } = request;
      const format = formatFromQuery(url.searchParams);
      const bytes = await request.body(ctx.env.WIREDESK_MAX_DELIVERY_BYTES);
      if (bytes.length === 0) throw new AppError("bad_request", "The body is empty: send the wire file as the request body.");
      const sourceName = actor.kind === "token" ? actor.name : null;
      const report = await ingestDelivery(ctx, new Uint8Array(bytes), { channel: "http", sourceName, format });
      return { status: 201, body: presentIngestReport(report) };
    },
  },
];
