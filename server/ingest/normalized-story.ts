import { z } from "zod";

/** Every wire format the ingest pipeline understands. */
export const WIRE_FORMATS = [
  "newsml-g2",
  "nitf",
  "ninjs",
  "newsml-1.2",
  "digitalwires",
  "anpa",
  "iptc7901",
  "rss",
  "atom",
  "plain",
] as const;
export const WireFormatSchema = z.enum(WIRE_FORMATS);
export type WireFormat = z.infer<typeof WireFormatSchema>;

export const PubStatusSchema = z.enum(["usable", "withheld", "canceled"]);
export type PubStatus = z.infer<typeof PubStatusSchema>;

/** A parsed dateline: `New York/Moscow, 28 January 2022 (dpa/MIA) —`. */
export const DatelineSchema = z.object({
  text: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  source: z.string().nullable(),
});
export type Dateline = z.infer<typeof DatelineSchema>;

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
