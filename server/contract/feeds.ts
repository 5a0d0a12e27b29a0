import { z } from "zod";
import { WireFormatSchema } from "./wire-format";

/**
 * The shape of a URL the server fetches (feeds; webhooks reuse it). Where it may point is decided on
 * the server by the outbound policy (server/net): no private or loopback address unless allowed.
 */
export const OutboundUrlSchema = z
  .url({ protocol: /^https?$/, error: "use an http:// or https:// URL" })
  .max(2048);
const FeedUrlSchema = OutboundUrlSchema;

/** A feed's wire format: null detects it (never as plain text); `plain` takes plain text as stories. */
const FeedFormatSchema = WireFormatSchema.nullable();

/** The shortest polling interval an admin may set, in seconds. */
export const MIN_FEED_INTERVAL_SECONDS = 15;

const IntervalSchema = z.number().int().min(MIN_FEED_INTERVAL_SECONDS, `poll at most every ${MIN_FEED_INTERVAL_SECONDS} seconds`).max(86_400);

/** `POST /api/feeds`: a new pull feed. */
export const FeedInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    url: FeedUrlSchema,
    intervalSeconds: IntervalSchema,
    enabled: z.boolean().optional(),
    format: FeedFormatSchema.optional(),
  })
  .strict();
export type FeedInput = z.infer<typeof FeedInputSchema>;

/** `PATCH /api/feeds/:id`: any of the settings. */
export const FeedPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    url: FeedUrlSchema.optional(),
    intervalSeconds: IntervalSchema.optional(),
    enabled: z.boolean().optional(),
    format: FeedFormatSchema.optional(),
  })
  .strict();
export type FeedPatch = z.infer<typeof FeedPatchSchema>;

/** A pull feed with its polling state, as admins see it. */
export const FeedDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  intervalSeconds: z.number(),
  enabled: z.boolean(),
  /** The feed's wire format, or null: detected (plain text is then refused as not a wire format). */
  format: z.string().nullable(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  lastPolledAt: z.string().nullable(),
  /** `200`, `304`, `500`, `timeout`, `too_large`, `network`, `unparseable`... */
  lastStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Stories the last poll created and updated (304: 0 and 0); null before a poll works and after a failed one. */
  lastNewStories: z.number().nullable(),
  lastUpdatedStories: z.number().nullable(),
  failures: z.number(),
  nextPollAt: z.string(),
  createdAt: z.string(),
});
export type FeedDto = z.infer<typeof FeedDtoSchema>;
