import { z } from "zod";

/** The most takes one desk story may start from. */
export const MAX_TAKES = 20;

/** The format of a story the desk wrote itself (agency copy keeps its wire format). */
export const DESK_FORMAT = "desk";

/**
 * `POST /api/stories`: a new desk story, taken by its creator. Without `fromStoryIds` it starts blank;
 * with them its body brings in those stories' text in the order given (the queue's), each under its
 * headline as a subhead (see `takeHeadline`), and it keeps them as its sources. `deskId`: the desk it belongs to (the
 * creator's first desk when left out or unknown).
 */
export const NewStoryInputSchema = z
  .object({
    deskId: z.string().trim().min(1).max(64).nullable().optional(),
    fromStoryIds: z.array(z.string().trim().min(1).max(64)).min(1).max(MAX_TAKES).optional(),
  })
  .strict();
export type NewStoryInput = z.infer<typeof NewStoryInputSchema>;

/** True for a story the desk wrote itself rather than one an agency sent. */
export function isDeskStory(story: { format: string }): boolean {
  return story.format === DESK_FORMAT;
}

/**
 * A take's headline, or null for a take nobody titled (a blank desk story made with Shift+N and left):
 * such a take brings in its text without a subhead, and its credit names it untitled rather than
 * leaving a dash before nothing.
 */
export function takeHeadline(take: { headline: string }): string | null {
  return take.headline.trim() === "" ? null : take.headline;
}

/** How a desk story credits one take: who sent it ("AP"; "Desk" for the desk's own) and its headline (null: untitled). */
export function takeCredit(take: { agency: string | null; headline: string }): { source: string; headline: string | null } {
  return { source: take.agency ?? "Desk", headline: takeHeadline(take) };
}

/** What follows the source in the credit of an untitled take: "Desk story (untitled)". */
export const UNTITLED_TAKE = "story (untitled)";
