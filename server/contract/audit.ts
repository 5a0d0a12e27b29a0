import { z } from "zod";

/** One audit log entry: who (user id, or null for the system) did what to which subject. */
export const AuditEntryDtoSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDtoSchema>;

/** `GET /api/audit` query: how many of the newest entries. */
export const AuditQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });
