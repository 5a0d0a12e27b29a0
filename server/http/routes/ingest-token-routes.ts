import { IngestTokenCreateInputSchema } from "../../contract/ingest-token";
import { createIngestToken, listIngestTokens, revokeIngestToken } from "../../auth/ingest-tokens";
import { requireUser, type Route } from "../route";

/** Admin: list, create (secret shown once) and revoke ingest tokens. */
export const ingestTokenRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/ingest-tokens",
    access: "admin",
    handler: async ({ ctx }) => ({ status: 200, body: { tokens: await listIngestTokens(ctx) } }),
  },
  {
    method: "POST",
    path: "/api/ingest-tokens",
    access: "admin",
    handler: async ({ ctx, json, actor }) => ({
      status: 201,
      body: await createIngestToken(ctx, await json(IngestTokenCreateInputSchema, 4 * 1024), requireUser(actor).userId),
    }),
  },
  {
    method: "DELETE",
    path: "/api/ingest-tokens/:id",
    access: "admin",
    handler: async ({ ctx, actor, params }) => {
      await revokeIngestToken(ctx, params.id ?? "", requireUser(actor).userId);
      return { status: 204 };
    },
  },
];
