import type { z } from "zod";
import { StoryStateSchema } from "../contract/story";
import { splitNegated, StoryListQuerySchema, type StoryListQuery } from "../contract/story-list-query";
import { AppError } from "../errors";
import type { StoryFilter } from "../storage/story-filter";
import { decodeCursor } from "./cursor";
import { parseSearchQuery } from "./search-query";

function badRequest(error: z.ZodError): AppError {
  const issue = error.issues[0];
  return new AppError("bad_request", `Parameter ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
}

/** Parses queue filters (everything but paging) from URL search params; 400 with a clear message for bad values. */
export function parseStoryFilters(params: URLSearchParams): { filter: Omit<StoryFilter, "limit">; q: string | null; query: StoryListQuery } {
  const result = StoryListQuerySchema.safeParse(Object.fromEntries(params));
  if (!result.success) throw badRequest(result.error);
  const query = result.data;
  const agencies = splitNegated(query.agency ?? []);
  const states = splitNegated(query.state ?? []);
  const languages = splitNegated(query.language ?? []);
  const categories = splitNegated(query.category ?? []);
  const deskIds = splitNegated(query.desk ?? []);
  for (const s of [...states.include, ...states.exclude]) {
    if (!StoryStateSchema.safeParse(s).success) throw new AppError("bad_request", `Parameter state: unknown state "${s}".`);
  }
  if (query.urgencyMin !== undefined && query.urgencyMax !== undefined && query.urgencyMin > query.urgencyMax) {
    throw new AppError("bad_request", "Parameter urgencyMin: must not be above urgencyMax.");
  }
  const since = query.since ? new Date(query.since).toISOString() : undefined;
  const until = query.until ? new Date(query.until).toISOString() : undefined;
  if (since && until && since > until) throw new AppError("bad_request", "Parameter since: must be before until.");
  const q = query.q?.trim() ? query.q.trim() : null;
  const filter: Omit<StoryFilter, "limit"> = {
    agencies: agencies.include,
    excludeAgencies: agencies.exclude,
    states: states.include as StoryFilter["states"],
    excludeStates: states.exclude as StoryFilter["excludeStates"],
    urgencyMin: query.urgencyMin,
    urgencyMax: query.urgencyMax,
    languages: languages.include,
    excludeLanguages: languages.exclude,
    categories: categories.include,
    excludeCategories: categories.exclude,
    deskIds: deskIds.include,
    excludeDeskIds: deskIds.exclude,
    since,
    until,
    query: q ? parseSearchQuery(q) : undefined,
    searchOrder: q ? (query.sort ?? "relevance") : undefined,
  };
  return { filter, q, query };
}

/** Parses `GET /api/stories` params into a store filter with paging (400 with a clear message for bad values). */
export function parseStoryListQuery(params: URLSearchParams): { filter: StoryFilter; q: string | null } {
  const { filter, q, query } = parseStoryFilters(params);
  const cursor = query.cursor ? decodeCursor(query.cursor, q !== null) : undefined;
  return {
    filter: {
      ...filter,
      limit: query.limit,
      before: cursor?.kind === "position" ? cursor.before : undefined,
      searchAfter: cursor?.kind === "search" ? cursor.after : undefined,
    },
    q,
  };
}
