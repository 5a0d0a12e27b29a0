import type { StorySummary } from "@/server/contract/story";
import type { StoryFilters } from "./queries";

function listMatches(value: string | null, csv: string | undefined): boolean {
  if (!csv) return true;
  const items = csv.split(",").map((s) => s.trim()).filter(Boolean);
  const include = items.filter((i) => !i.startsWith("-"));
  const exclude = items.filter((i) => i.startsWith("-")).map((i) => i.slice(1));
  if (value !== null && exclude.includes(value)) return false;
  return include.length === 0 || (value !== null && include.includes(value));
}

/**
 * True when a story belongs in a list with these filters (the same rules as the server's,
 * except full-text search, which only the server can answer: a search list takes no new arrivals).
 */
export function matchesFilters(story: StorySummary, filters: StoryFilters): boolean {
  if (filters.q) return false;
  if (!listMatches(story.agency, filters.agency)) return false;
  if (!listMatches(story.state, filters.state)) return false;
  if (!listMatches(story.language, filters.language)) return false;
  if (filters.urgencyMax && story.urgency > Number(filters.urgencyMax)) return false;
  if (filters.urgencyMin && story.urgency < Number(filters.urgencyMin)) return false;
  if (filters.category && !filters.category.split(",").some((c) => story.categories.includes(c))) return false;
  if (filters.desk && story.deskId !== filters.desk) return false;
  if (filters.since && story.receivedAt < new Date(filters.since).toISOString()) return false;
  if (filters.until && story.receivedAt > new Date(filters.until).toISOString()) return false;
  return true;
}
