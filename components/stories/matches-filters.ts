import type { StorySummary } from "@/server/contract/story";
import { parseNegatedList } from "@/server/contract/story-list-query";
import { ALL_DESKS, resolveTimeBounds, type StoryFilters } from "../filters/filter-params";

function listMatches(values: readonly string[], csv: string | undefined): boolean {
  if (!csv) return true;
  const { include, exclude } = parseNegatedList(csv);
  if (values.some((v) => exclude.includes(v))) return false;
  return include.length === 0 || values.some((v) => include.includes(v));
}

function one(value: string | null): readonly string[] {
  return value === null ? [] : [value];
}

/**
 * True when a story passes every filter the browser can check (all but the full-text search):
 * the same rules as the server's, so a story that stops passing can leave the list.
 */
export function matchesFieldFilters(story: StorySummary, filters: StoryFilters, now = Date.now()): boolean {
  if (!listMatches(one(story.agency), filters.agency)) return false;
  if (!listMatches([story.state], filters.state)) return false;
  if (!listMatches(one(story.language), filters.language)) return false;
  if (!listMatches(story.categories, filters.category)) return false;
  if (filters.desk !== ALL_DESKS && !listMatches(one(story.deskId), filters.desk)) return false;
  if (filters.urgencyMax && story.urgency > Number(filters.urgencyMax)) return false;
  if (filters.urgencyMin && story.urgency < Number(filters.urgencyMin)) return false;
  const { since, until } = resolveTimeBounds(filters, now);
  if (since && Date.parse(story.receivedAt) < Date.parse(since)) return false;
  if (until && Date.parse(story.receivedAt) > Date.parse(until)) return false;
  return true;
}

/**
 * True when a story the list does not hold yet may join it live. A search list takes no arrivals
 * here: only the server can tell whether a story matches a full-text query (a newest-first search
 * asks it, see use-search-arrivals.ts; a relevance search offers to search again).
 */
export function acceptsArrival(story: StorySummary, filters: StoryFilters, now = Date.now()): boolean {
  return !filters.q && matchesFieldFilters(story, filters, now);
}
