import { z } from "zod";
import { StoryStateSchema } from "../contract/story";
import { AppError } from "../errors";
import type { StoryFilter } from "../storage/store";
import { decodeCursor } from "./cursor";
import { parseSearchQuery } from "./search-query";

const csv = z
  .string()
  .max(1000)
  .transform((v) => v.split(",").map((s) => s.trim()).filter((s) => s.length > 0));

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO 8601 date or time, as in 2026-01-31T08:00:00Z")
  .refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date or time, as in 2026-01-31T08:00:00Z");

/** The query string of `GET /api/stories`: comma lists take a leading "-" to exclude a value. */
export const StoryListQuerySchema = z.object({
  q: z.string().max(500, "a search is at most 500 characters").optional(),
  agency: csv.optional(),
  urgencyMax: z.coerce.number().int().min(1).max(9).optional(),
  urgencyMin: z.coerce.number().int().min(1).max(9).optional(),
  state: csv.pipe(z.array(z.string().regex(/^-?[a-z_]+$/))).optional(),
  language: csv.optional(),
  category: csv.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  desk: csv.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type StoryListQuery = z.infer<typeof StoryListQuerySchema>;

function splitNegated(values: string[] | undefined): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const v of values ?? []) (v.startsWith("-") ? exclude : include).push(v.replace(/^-/, ""));
  return { include, exclude };
}

function badRequest(error: z.ZodError): AppError {
  const issue = error.issues[0];
  return new AppError("bad_request", `Parameter ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
}

/** Parses queue filters (everything but paging) from URL search params; 400 with a clear message for bad values. */
export function parseStoryFilters(params: URLSearchParams): { filter: Omit<StoryFilter, "limit">; q: string | null; query: StoryListQuery } {
  const result = StoryListQuerySchema.safeParse(Object.fromEntries(params));
  if (!result.success) throw badRequest(result.error);
  const query = result.data;
  const agencies = splitNegated(query.agency);
  const states = splitNegated(query.state);
  const languages = splitNegated(query.language);
  const categories = splitNegated(query.category);
  const deskIds = splitNegated(query.desk);
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
