import { z } from "zod";
import { DatelineSchema, PubStatusSchema } from "../contract/story";

import { WireFormatSchema } from "../contract/wire-format";

export { WIRE_FORMATS, WireFormatSchema, type WireFormat } from "../contract/wire-format";

/**
 * One agency story as every parser returns it, whatever the format.
 * Missing values are null (or []), never invented.
 */
export const NormalizedStorySchema = z.object({
  format: WireFormatSchema,
  guid: z.string().min(1),
  version: z.number().int().nonnegative(),
  versionCreated: z.string().nullable(),
  firstCreated: z.string().nullable(),
  pubStatus: PubStatusSchema,
  headline: z.string(),
  subheadline: z.string().nullable(),
  slugline: z.string().nullable(),
  byline: z.string().nullable(),
  dateline: DatelineSchema,
  urgency: z.number().int().min(1).max(9),
  agency: z.string().nullable(),
  language: z.string().nullable(),
  abstract: z.string().nullable(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  wordCount: z.number().int().nonnegative(),
  editorNote: z.string().nullable(),
  embargoUntil: z.string().nullable(),
  supersedes: z.array(z.string()),
  signals: z.array(z.string()),
  categories: z.array(z.string()),
  keywords: z.array(z.string()),
  /** What ingest changed in the agency's copy (a field cut to its safety bound...), for the desk to see. */
  ingestNotes: z.array(z.string()).optional(),
});
export type NormalizedStory = z.infer<typeof NormalizedStorySchema>;

/** A non-text item (package, picture, video...) seen in a delivery: recorded, never queued. */
export const RecordedItemSchema = z.object({
  format: WireFormatSchema,
  guid: z.string(),
  version: z.number().int().nonnegative(),
  itemClass: z.string(),
  headline: z.string().nullable(),
});
export type RecordedItem = z.infer<typeof RecordedItemSchema>;
