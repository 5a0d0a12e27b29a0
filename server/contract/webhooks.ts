import { z } from "zod";
import { OutboundUrlSchema } from "./feeds";

/** `POST /api/webhooks`: a new endpoint (its address follows the pull feeds' rule). */
export const WebhookCreateSchema = z
  .object({
    url: OutboundUrlSchema,
    description: z.string().trim().max(200).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookCreate = z.infer<typeof WebhookCreateSchema>;

/** `PATCH /api/webhooks/:id`. */
export const WebhookPatchSchema = z
  .object({
    url: OutboundUrlSchema.optional(),
    description: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookPatch = z.infer<typeof WebhookPatchSchema>;

/** A webhook endpoint as admins see it (the signing secret only in the answer that creates it). */
export const WebhookDtoSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  secret: z.string().optional(),
});
export type WebhookDto = z.infer<typeof WebhookDtoSchema>;

/** One delivery of the log: an event to an endpoint, its attempts and outcome. */
export const WebhookDeliveryDtoSchema = z.object({
  id: z.number(),
  event: z.string(),
  storyId: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number(),
  lastStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDeliveryDto = z.infer<typeof WebhookDeliveryDtoSchema>;

/** The header carrying `sha256=<hex HMAC-SHA256 of the body with the endpoint's secret>`. */
export const WEBHOOK_SIGNATURE_HEADER = "x-wiredesk-signature";
/** The header naming the event: publish, correct or kill. */
export const WEBHOOK_EVENT_HEADER = "x-wiredesk-event";
/** The header carrying the delivery's id (the same across retries, for receivers that dedupe). */
export const WEBHOOK_DELIVERY_HEADER = "x-wiredesk-delivery";
