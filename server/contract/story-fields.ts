import { z } from "zod";

const Term = z.string().trim().min(1).max(64);

/**
 * `PATCH /api/stories/:id`: the story's other fields (not co-edited), with the `rev` the editor saw.
 * Answered 200 with the story, or 409 with the current story when `rev` is stale.
 */
export const StoryFieldsPatchSchema = z
  .object({
    rev: z.number().int().positive(),
    dateline: z.string().trim().max(200).nullable().optional(),
    urgency: z.number().int().min(1).max(9).optional(),
    categories: z.array(Term).max(20).optional(),
    keywords: z.array(Term).max(50).optional(),
    editorNote: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 1, { message: "Say which field to change (dateline, urgency, categories, keywords, editorNote)." });
export type StoryFieldsPatchInput = z.infer<typeof StoryFieldsPatchSchema>;
