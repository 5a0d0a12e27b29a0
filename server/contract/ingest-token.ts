import { z } from "zod";

/** An ingest token as an admin sees it in the list: never the secret nor its hash. */
export const IngestTokenDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type IngestTokenDto = z.infer<typeof IngestTokenDtoSchema>;

/** `POST /api/ingest-tokens` body: a name that says who feeds with it. */
export const IngestTokenCreateInputSchema = z.object({ name: z.string().trim().min(1, "give the token a name").max(80) }).strict();
export type IngestTokenCreateInput = z.infer<typeof IngestTokenCreateInputSchema>;

/** The answer to creating a token: the secret, shown this once. */
export const CreatedIngestTokenSchema = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type CreatedIngestToken = z.infer<typeof CreatedIngestTokenSchema>;
