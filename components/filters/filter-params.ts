import { joinNegatedList, parseNegatedList, splitCommaList, STORY_LIST_KEYS, type StoryListKey } from "@/server/contract/story-list-query";

/** The queue filters kept in the URL of `/` (everything but the selected story). */
export const FILTER_KEYS = ["q", "sort", "agency", "urgencyMin", "urgencyMax", "state", "category", "language", "range", "since", "until", "desk"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Queue filters as they appear in the URL; the list query key is exactly this object. */
export type StoryFilters = Partial<Record<FilterKey, string>>;

function isListKey(key: FilterKey): key is StoryListKey {
  return (STORY_LIST_KEYS as readonly string[]).includes(key);
}

/** The time ranges offered; `custom` uses `since`/`until` from the URL. */
export const TIME_RANGES = [
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "8h", label: "Last 8 hours", ms: 8 * 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 24 * 3_600_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 24 * 3_600_000 },
] as const;

/** The value of `desk` meaning "every desk" (no desk filter). */
export const ALL_DESKS = "all";

function normalizeList(value: string): string {
  return [...new Set(splitCommaList(value).filter((item) => item !== "-"))].join(",");
}

/** Reads the filters from URL search params: known keys only, trimmed, empty values dropped. */
export function filtersFromParams(params: URLSearchParams): StoryFilters {
  const filters: StoryFilters = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = isListKey(key) ? normalizeList(raw) : raw.trim();
    if (value) filters[key] = value;
  }
  // The order only means something for a search, and newest is the desk's default (left out of the URL).
  if (!filters.q || filters.sort !== "relevance") delete filters.sort;
  if (filters.range && filters.range !== "custom") {
    delete filters.since;
    delete filters.until;
  }
  return filters;
}

/** Writes filters back into search params, keeping any other parameter (such as `story`). */
export function paramsWithFilters(current: URLSearchParams, filters: StoryFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of FILTER_KEYS) next.delete(key);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) next.set(key, value);
  }
  return next;
}

/** The `since`/`until` bounds the filters mean at `now` (relative ranges slide with the clock). */
export function resolveTimeBounds(filters: StoryFilters, now: number): { since?: string; until?: string } {
  const range = TIME_RANGES.find((r) => r.value === filters.range);
  if (range) return { since: new Date(now - range.ms).toISOString() };
  return { since: filters.since, until: filters.until };
}

/** The query string of `GET /api/stories` for these filters at `now` (without paging). */
export function apiParamsForFilters(filters: StoryFilters, now: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["q", "agency", "urgencyMin", "urgencyMax", "state", "category", "language"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.desk && filters.desk !== ALL_DESKS) params.set("desk", filters.desk);
  if (filters.q) params.set("sort", searchOrder(filters));
  const { since, until } = resolveTimeBounds(filters, now);
  if (since) params.set("since", since);
  if (until) params.set("until", until);
  return params;
}

/** The order of a search on the desk: newest first unless the URL asks for relevance. */
export function searchOrder(filters: StoryFilters): "newest" | "relevance" {
  return filters.sort === "relevance" ? "relevance" : "newest";
}

/** The three ways one value can take part in a list filter. */
export type ValueMode = "any" | "only" | "exclude";

/** How `value` takes part in the comma list. */
export function valueMode(csv: string | undefined, value: string): ValueMode {
  const { include, exclude } = parseNegatedList(csv);
  if (include.includes(value)) return "only";
  if (exclude.includes(value)) return "exclude";
  return "any";
}

/** The comma list with `value` set to `mode` (other values untouched). */
export function withValueMode(csv: string | undefined, value: string, mode: ValueMode): string {
  const { include, exclude } = parseNegatedList(csv);
  const keepInclude = include.filter((v) => v !== value);
  const keepExclude = exclude.filter((v) => v !== value);
  if (mode === "only") keepInclude.push(value);
  if (mode === "exclude") keepExclude.push(value);
  return joinNegatedList(keepInclude, keepExclude);
}

/** True when any filter other than the desk is set (the "Clear filters" button shows then). */
export function hasNarrowingFilters(filters: StoryFilters): boolean {
  return FILTER_KEYS.some((key) => key !== "desk" && key !== "sort" && Boolean(filters[key]));
}

/** The query a saved search keeps: the filters in the server's terms ("every desk" is no desk filter). */
export function savedQueryForFilters(filters: StoryFilters): string {
  const params = paramsWithFilters(new URLSearchParams(), filters);
  if (params.get("desk") === ALL_DESKS) params.delete("desk");
  return params.toString();
}

/** The URL search of a saved search's view (a saved query without a desk means every desk). */
export function urlSearchForSavedQuery(query: string): string {
  const filters = filtersFromParams(new URLSearchParams(query));
  if (!filters.desk) filters.desk = ALL_DESKS;
  return paramsWithFilters(new URLSearchParams(), filters).toString();
}

/** The filters a desk opens with: the URL's, or the user's own desk when the URL names no filter at all. */
export function filtersWithDefaultDesk(filters: StoryFilters, ownDeskId: string | undefined): StoryFilters {
  if (Object.keys(filters).length > 0 || !ownDeskId) return filters;
  return { desk: ownDeskId };
}
