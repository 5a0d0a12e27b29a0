import { z } from "zod";

/** Workflow states a story can be in. */
export const STORY_STATES = [
  "incoming",
  "in_progress",
  "submitted",
  "published",
  "spiked",
  "killed",
  "corrected",
  "scheduled",
] as const;
export const StoryStateSchema = z.enum(STORY_STATES);
export type StoryState = z.infer<typeof StoryStateSchema>;

export const DatelineDtoSchema = z.object({
  text: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  source: z.string().nullable(),
});

/** A story as the queue shows it (no body). Pushed in `story:upserted`. */
export const StorySummarySchema = z.object({
  id: z.string(),
  guid: z.string(),
  agencyVersion: z.number(),
  rev: z.number(),
  seq: z.number(),
  state: StoryStateSchema,
  format: z.string(),
  pubStatus: z.enum(["usable", "withheld", "canceled"]),
  agency: z.string().nullable(),
  urgency: z.number(),
  headline: z.string(),
  subheadline: z.string().nullable(),
  slugline: z.string().nullable(),
  byline: z.string().nullable(),
  dateline: DatelineDtoSchema,
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

/** One story in full, as `GET /api/stories/:id` answers. */
export const StoryDetailSchema = StorySummarySchema.extend({
  bodyHtml: z.string(),
  bodyText: z.string(),
  editorNote: z.string().nullable(),
});
export type StoryDetail = z.infer<typeof StoryDetailSchema>;

/** One page of the queue, with the change-log seq it reflects (the client resumes live updates from it). */
export const StoryPageSchema = z.object({
  stories: z.array(StorySummarySchema),
  nextCursor: z.string().nullable(),
  seq: z.number(),
});
export type StoryPage = z.infer<typeof StoryPageSchema>;
