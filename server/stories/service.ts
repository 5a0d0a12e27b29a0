import type { AppContext } from "../app-context";
import type { StoryDetail, StoryPage } from "../contract/story";
import { AppError } from "../errors";
import { escapeHtml } from "../storage/highlight-html";
import { presentStoryDetail, presentStorySummary } from "./presenter";
import { parseStoryListQuery } from "./list-query";
import { encodePositionCursor, encodeSearchCursor } from "./cursor";

/**
 * Lists the queue newest first (or, with `q`, by relevance), one keyset page at a time;
 * each story says whether `readerId` has read it.
 */
export async function listStories(ctx: AppContext, params: URLSearchParams, readerId?: string): Promise<StoryPage> {
  const { filter, q } = parseStoryListQuery(params);
  // Read the seq first: anything committed after it reaches the client live or in its catch-up.
  const seq = await ctx.store.stories.currentSeq();
  const rows = await ctx.store.stories.listStories({ ...filter, limit: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  const read = readerId ? await ctx.store.userData.listReadStoryIds(readerId, page.map((r) => r.story.id)) : new Set<string>();
  const hasMore = rows.length > filter.limit && last !== undefined;
  return {
    stories: page.map((r) => ({
      ...presentStorySummary(r.story, q ? (r.highlight ?? escapeHtml(r.story.headline)) : undefined),
      isRead: read.has(r.story.id),
    })),
    nextCursor: hasMore ? (last.searchPosition ? encodeSearchCursor(last.searchPosition) : encodePositionCursor(last.position)) : null,
    seq,
  };
}

/** One story in full. */
export async function getStory(ctx: AppContext, id: string): Promise<StoryDetail> {
  const row = await ctx.store.stories.getStory(id);
  if (!row) throw new AppError("not_found", "No story with that id.");
  return presentStoryDetail(row);
}

/** Every agency version of a story, oldest first. */
export async function listStoryVersions(ctx: AppContext, id: string) {
  if (!(await ctx.store.stories.getStory(id))) throw new AppError("not_found", "No story with that id.");
  return ctx.store.stories.listStoryVersions(id);
}
