import type { AppContext } from "../app-context";
import { AppError } from "../errors";

/** Marks a story read for one user (idempotent). */
export async function markStoryRead(ctx: AppContext, userId: string, storyId: string): Promise<void> {
  if (!(await ctx.store.userData.markRead(userId, storyId, new Date().toISOString()))) throw new AppError("not_found", "No story with that id.");
}

/** Marks a story unread again for one user (idempotent). */
export async function markStoryUnread(ctx: AppContext, userId: string, storyId: string): Promise<void> {
  if (!(await ctx.store.stories.getStory(storyId))) throw new AppError("not_found", "No story with that id.");
  await ctx.store.userData.markUnread(userId, storyId);
}
