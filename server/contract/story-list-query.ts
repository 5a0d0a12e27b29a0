import { z } from "zod";

/** The story list's comma-list parameters: each takes a leading "-" on a value to exclude it. */
export const STORY_LIST_KEYS = ["agency", "state", "category", "language", "desk"] as const;
export type StoryListKey = (typeof STORY_LIST_KEYS)[number];

/** A comma list split into the values to include and the values ("-value") to exclude. */
export interface NegatedList {
  include: string[];
  exclude: string[];
}

/** Splits a comma list into its trimmed, non-empty items. */
export function splitCommaList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Sorts items into included values and excluded ones (a leading "-" excludes; it is dropped). */
export function splitNegated(items: readonly string[]): NegatedList {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const item of items) {
    if (item.startsWith("-")) exclude.push(item.slice(1));
    else include.push(item);
  }
  return { include, exclude };
}

/** Splits a comma list (absent means empty) into the values to include and to exclude. */
export function parseNegatedList(csv: string | undefined): NegatedList {
  return splitNegated(splitCommaList(csv ?? ""));
}

/** Joins include/exclude values back into a comma list ("" when both are empty). */
export function joinNegatedList(include: readonly string[], exclude: readonly string[]): string {
  return [...include, ...exclude.map((value) => `-${value}`)].join(",");
}

const commaList = z.string().max(1000).transform(splitCommaList);

const ISO_DATE_MESSAGE = "must be an ISO 8601 date or time, as in 2026-01-31T08:00:00Z";
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, ISO_DATE_MESSAGE)
  .refine((value) => !Number.isNaN(Date.parse(value)), ISO_DATE_MESSAGE);

/** The query string of `GET /api/stories`: comma lists take a leading "-" to exclude a value. */
export const StoryListQuerySchema = z.object({
  q: z.string().max(500, "a search is at most 500 characters").optional(),
  agency: commaList.optional(),
  urgencyMax: z.coerce.number().int().min(1).max(9).optional(),
  urgencyMin: z.coerce.number().int().min(1).max(9).optional(),
  state: commaList.pipe(z.array(z.string().regex(/^-?[a-z_]+$/))).optional(),
  language: commaList.optional(),
  category: commaList.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  desk: commaList.optional(),
  /** With `q`: `relevance` (the default: best matches first among the newest) or `newest` (newest matches first). */
  sort: z.enum(["relevance", "newest"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type StoryListQuery = z.infer<typeof StoryListQuerySchema>;
