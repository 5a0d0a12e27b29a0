import type { AppContext } from "../app-context";
import type { StoryDetail } from "../contract/story";
import type { StoryFieldsPatchInput } from "../contract/story-fields";
import { AppError } from "../errors";
import type { StoryFieldsPatch } from "../storage/desk-copy-store";
import { REOPENED_BY_EDITING } from "../contract/edit-rules";
import { presentStoryDetail } from "./presenter";
import { reopenTransition } from "./workflow-service";

/** A stale `rev`: the editor is shown the story as it is now. */
export class StaleRevError extends AppError {
  readonly current: StoryDetail;

  constructor(current: StoryDetail) {
    super("conflict", "Someone changed this story since you loaded it: here is the current version.");
    this.current = current;
  }
}

const emptyToNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value === "" ? null : value);

/**
 * Changes the story's other fields when the caller saw its current `rev`, and tells every desk after
 * commit. On a story handed on for review (submitted, approved) the save is an edit like typing: it
 * returns the story to in_progress in the same transaction, and everyone in it is told.
 */
export async function patchStoryFields(ctx: AppContext, id: string, input: StoryFieldsPatchInput, actorId: string): Promise<StoryDetail> {
  const patch: StoryFieldsPatch = {};
  const dateline = emptyToNull(input.dateline);
  if (dateline !== undefined) patch.datelineText = dateline;
  if (input.urgency !== undefined) patch.urgency = input.urgency;
  if (input.categories) patch.categories = [...new Set(input.categories)];
  if (input.keywords) patch.keywords = [...new Set(input.keywords)];
  const note = emptyToNull(input.editorNote);
  if (note !== undefined) patch.editorNote = note;
  // The state read here only picks the path: both check `rev` in their transaction, and every step changes it.
  const before = await ctx.store.stories.getStory(id);
  if (before && REOPENED_BY_EDITING.includes(before.state)) {
    const reopened = await reopenTransition(ctx, id, actorId, { rev: input.rev, fields: patch });
    if (reopened.ok) {
      ctx.collab?.announceReopened(id, before.state);
      return presentStoryDetail(reopened.story);
    }
    if (reopened.reason === "stale_rev" && reopened.story) throw new StaleRevError(presentStoryDetail(reopened.story));
  }
  const result = await ctx.store.deskCopy.patchFields(id, input.rev, patch, actorId);
  if (!result.ok) {
    if (result.reason === "not_found" || !result.story) throw new AppError("not_found", "No story with that id.");
    throw new StaleRevError(presentStoryDetail(result.story));
  }
  ctx.publisher.storiesChanged([result.changed]);
  return presentStoryDetail(result.story);
}
