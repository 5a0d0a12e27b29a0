import { z } from "zod";

/** A quarantined delivery (one that could not be parsed), as admins see it. */
export const IngestErrorDtoSchema = z.object({
  id: z.number(),
  receivedAt: z.string(),
  channel: z.string(),
  sourceName: z.string().nullable(),
  format: z.string().nullable(),
  size: z.number(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type IngestErrorDto = z.infer<typeof IngestErrorDtoSchema>;

/** `GET /api/ingest/errors`. */
export const IngestErrorListSchema = z.object({ deliveries: z.array(IngestErrorDtoSchema) });
export type IngestErrorList = z.infer<typeof IngestErrorListSchema>;

/** What an ingest (or a retry of a quarantined delivery) produced. */
export const IngestResultSchema = z.object({
  deliveryId: z.number(),
  format: z.string(),
  stories: z.array(
    z.object({
      id: z.string(),
      guid: z.string(),
      agencyVersion: z.number(),
      outcome: z.enum(["created", "updated", "duplicate", "older"]),
    }),
  ),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;
