import type { AppContext } from "../app-context";
import type { StoryDetail } from "../contract/story";
import type { StoryFieldsPatchInput } from "../contract/story-fields";
import { AppError } from "../errors";
import type { StoryFieldsPatch } from "../storage/desk-copy-store";
import { presentStoryDetail } from "./presenter";

/** A stale `rev`: the editor is shown the story as it is now. */
export class StaleRevError extends AppError {
  readonly current: StoryDetail;

  constructor(current: StoryDetail) {
    super("conflict", "Someone changed this story since you loaded it: here is the current version.");
    this.current = current;
  }
}

const emptyToNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value === "" ? null : value);

/** Changes the story's other fields when the caller saw its current `rev`, and tells every desk after commit. */
export async function patchStoryFields(ctx: AppContext, id: string, input: StoryFieldsPatchInput, actorId: string): Promise<StoryDetail> {
  const patch: StoryFieldsPatch = {};
  const dateline = emptyToNull(input.dateline);
  if (dateline !== undefined) patch.datelineText = dateline;
  if (input.urgency !== undefined) patch.urgency = input.urgency;
  if (input.categories) patch.categories = [...new Set(input.categories)];
  if (input.keywords) patch.keywords = [...new Set(input.keywords)];
  const note = emptyToNull(input.editorNote);
  if (note !== undefined) patch.editorNote = note;
  const result = await ctx.store.deskCopy.patchFields(id, input.rev, patch, actorId);
  if (!result.ok) {
    if (result.reason === "not_found" || !result.story) throw new AppError("not_found", "No story with that id.");
    throw new StaleRevError(presentStoryDetail(result.story));
  }
  ctx.publisher.storiesChanged([result.changed]);
  return presentStoryDetail(result.story);
}
