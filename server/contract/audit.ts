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

/** `GET /api/audit` query: how many entries, whose (`actor`: a user id), which `action`, and older than `before` (an entry id, for the next page). */
export const AuditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  actor: z.string().trim().min(1).max(64).optional(),
  action: z.string().trim().regex(/^[a-z_.]{1,64}$/, "an action name such as login or role_changed").optional(),
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** `GET /api/audit`: entries newest first; `actorName` names the user; `nextBefore` asks for the next page (null at the end). */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntryDtoSchema.extend({ actorName: z.string().nullable() })),
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Every action the audit log records, for the filter menu (entries may carry others as the desk grows). */
export const AUDIT_ACTIONS = [
  "login",
  "login_failed",
  "logout",
  "password_changed",
  "user_created",
  "role_changed",
  "sessions_revoked",
  "user_desks_set",
  "ingest_token_created",
  "ingest_token_revoked",
  "desk_created",
  "desk_updated",
  "desk_deleted",
  "desks_reordered",
  "feed_created",
  "feed_updated",
  "feed_removed",
  "delivery_retried",
  "webhook.create",
  "webhook.update",
  "webhook.delete",
] as const;
