import { randomBytes } from "node:crypto";
import type { SavedSearchRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import { SAVED_SEARCH_NEW_COUNT_CAP, type SavedSearchDto, type SavedSearchInput } from "../contract/saved-search";
import { AppError } from "../errors";
import { parseStoryFilters } from "../stories/list-query";
import { presentSavedSearch } from "./presenter";

/** The most saved searches one user keeps. */
export const MAX_SAVED_SEARCHES = 50;

/** Checks a queue URL query with the list's own rules and drops paging; 400 when it would not list. */
export function normalizeSavedQuery(query: string): string {
  const params = new URLSearchParams(query.replace(/^\?/, ""));
  params.delete("cursor");
  params.delete("limit");
  parseStoryFilters(params);
  return params.toString();
}

/** Stories matching the saved query received since it was last opened, counted up to the cap. */
async function countNew(ctx: AppContext, row: SavedSearchRecord): Promise<number> {
  let filter;
  try {
    filter = parseStoryFilters(new URLSearchParams(row.queryString)).filter;
  } catch {
    return 0; // saved under older rules; it lists nothing new rather than failing the whole list
  }
  const since = filter.since && filter.since > row.lastOpenedAt ? filter.since : row.lastOpenedAt;
  return ctx.store.queue.countStories({ ...filter, since }, SAVED_SEARCH_NEW_COUNT_CAP);
}

/** The user's saved searches by name, each with its count of new matches. */
export async function listSavedSearches(ctx: AppContext, userId: string): Promise<SavedSearchDto[]> {
  const rows = await ctx.store.userData.listSavedSearches(userId);
  return Promise.all(rows.map(async (row) => presentSavedSearch(row, await countNew(ctx, row))));
}

/** Saves a queue view under a name (unique per user). */
export async function createSavedSearch(ctx: AppContext, userId: string, input: SavedSearchInput): Promise<SavedSearchDto> {
  const queryString = normalizeSavedQuery(input.query);
  if ((await ctx.store.userData.listSavedSearches(userId)).length >= MAX_SAVED_SEARCHES) {
    throw new AppError("conflict", `You have ${MAX_SAVED_SEARCHES} saved searches; delete one first.`);
  }
  const now = new Date().toISOString();
  const row = { id: randomBytes(8).toString("hex"), userId, name: input.name, queryString, createdAt: now, lastOpenedAt: now };
  const created = await ctx.store.userData.createSavedSearch(row);
  if (created === "name_taken") throw new AppError("conflict", `You already have a saved search named "${input.name}".`);
  return presentSavedSearch(created, 0);
}

/** Records that the user opened a saved search: its new-match count starts again from now. */
export async function openSavedSearch(ctx: AppContext, userId: string, id: string): Promise<void> {
  if (!(await ctx.store.userData.touchSavedSearch(userId, id, new Date().toISOString()))) throw new AppError("not_found", "No saved search with that id.");
}

/** Deletes one of the user's saved searches. */
export async function removeSavedSearch(ctx: AppContext, userId: string, id: string): Promise<void> {
  if (!(await ctx.store.userData.removeSavedSearch(userId, id))) throw new AppError("not_found", "No saved search with that id.");
}
