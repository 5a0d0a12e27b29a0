import { getIngestErrorRaw, listIngestErrors, retryIngestError } from "../../ingest/quarantine";
import { formatFromQuery } from "../format-param";
import { requireUser, type Route } from "../route";

/** Admin: the quarantine of deliveries that could not be parsed: list, download verbatim, retry. */
export const ingestErrorRoutes: Route[] = [
  { method: "GET", path: "/api/ingest/errors", access: "admin", handler: async ({ ctx }) => ({ status: 200, body: await listIngestErrors(ctx) }) },
  {
    method: "GET",
    path: "/api/ingest/errors/:id/raw",
    access: "admin",
    handler: async ({ ctx, params }) => {
      const { bytes, filename } = await getIngestErrorRaw(ctx, Number(params.id));
      return {
        status: 200,
        body: bytes,
        headers: { "content-type": "application/octet-stream", "content-disposition": `attachment; filename="${filename}"` },
      };
    },
  },
  {
    method: "POST",
    path: "/api/ingest/errors/:id/retry",
    access: "admin",
    handler: async ({ ctx, params, url, actor }) => ({
      status: 201,
      body: await retryIngestError(ctx, Number(params.id), formatFromQuery(url.searchParams), requireUser(actor).userId),
    }),
  },
];
