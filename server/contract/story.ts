import { z } from "zod";

/** Workflow states a story can be in. */
export const STORY_STATES = [
  "incoming",
  "in_progress",
  "submitted",
  "approved",
  "published",
  "spiked",
  "killed",
  "corrected",
  "scheduled",
] as const;
export const StoryStateSchema = z.enum(STORY_STATES);
export type StoryState = z.infer<typeof StoryStateSchema>;

/** An agency's publication status of an item; "canceled" is a kill. */
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

/** A story as the queue shows it (no body). Pushed in `story:upserted`. */
export const StorySummarySchema = z.object({
  id: z.string(),
  guid: z.string(),
  agencyVersion: z.number(),
  rev: z.number(),
  seq: z.number(),
  state: StoryStateSchema,
  format: z.string(),
  pubStatus: PubStatusSchema,
  agency: z.string().nullable(),
  urgency: z.number(),
  headline: z.string(),
  subheadline: z.string().nullable(),
  slugline: z.string().nullable(),
  byline: z.string().nullable(),
  dateline: DatelineSchema,
  language: z.string().nullable(),
  abstract: z.string().nullable(),
  wordCount: z.number(),
  signals: z.array(z.string()),
  categories: z.array(z.string()),
  keywords: z.array(z.string()),
  supersedes: z.array(z.string()),
  versionCount: z.number(),
  agencyUpdateVersion: z.number().nullable(),
  takenBy: z.string().nullable(),
  /** When the holder took the story (ISO), and the holder's name; null when nobody holds it. */
  takenAt: z.string().nullable(),
  takenByName: z.string().nullable(),
  deskId: z.string().nullable(),
  embargoUntil: z.string().nullable(),
  versionCreated: z.string().nullable(),
  firstCreated: z.string().nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
  highlight: z.string().optional(),
  /** Whether the caller has read the story (in `GET /api/stories` answers). */
  isRead: z.boolean().optional(),
});
export type StorySummary = z.infer<typeof StorySummarySchema>;

/** A story a desk story drew on (a take), as it was when the desk story began. */
export const StorySourceSchema = z.object({
  id: z.string(),
  /** The take's agency; null for a take the desk wrote itself. */
  agency: z.string().nullable(),
  headline: z.string(),
});
export type StorySource = z.infer<typeof StorySourceSchema>;

/** One story in full, as `GET /api/stories/:id` answers. */
export const StoryDetailSchema = StorySummarySchema.extend({
  bodyHtml: z.string(),
  bodyText: z.string(),
  editorNote: z.string().nullable(),
  /** The takes a desk story was started from, in the order its body brings them in (empty for agency copy). */
  sources: z.array(StorySourceSchema),
});
export type StoryDetail = z.infer<typeof StoryDetailSchema>;

/** One page of the queue, with the change-log seq it reflects (the client resumes live updates from it). */
export const StoryPageSchema = z.object({
  stories: z.array(StorySummarySchema),
  nextCursor: z.string().nullable(),
  seq: z.number(),
});
export type StoryPage = z.infer<typeof StoryPageSchema>;
