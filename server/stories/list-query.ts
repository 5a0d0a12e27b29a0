import { z } from "zod";
import { StoryStateSchema } from "../contract/story";
import { AppError } from "../errors";
import type { StoryFilter } from "../storage/store";

const csv = z
  .string()
  .max(1000)
  .transform((v) => v.split(",").map((s) => s.trim()).filter((s) => s.length > 0));

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date or time");

/** The query string of `GET /api/stories`. */
export const StoryListQuerySchema = z.object({
  q: z.string().max(500).optional(),
  agency: csv.optional(),
  urgencyMax: z.coerce.number().int().min(1).max(9).optional(),
  urgencyMin: z.coerce.number().int().min(1).max(9).optional(),
  state: csv.pipe(z.array(z.string().regex(/^-?[a-z_]+$/))).optional(),
  language: csv.optional(),
  category: csv.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  desk: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().regex(/^\d+$/, "is not a cursor this server gave out").optional(),
});
export type StoryListQuery = z.infer<typeof StoryListQuerySchema>;

function splitNegated(values: string[] | undefined): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const v of values ?? []) (v.startsWith("-") ? exclude : include).push(v.replace(/^-/, ""));
  return { include, exclude };
}

/** Parses URL search params into a store filter (400 with a clear message for bad values). */
export function parseStoryListQuery(params: URLSearchParams): { filter: StoryFilter; q: string | null } {
  const result = StoryListQuerySchema.safeParse(Object.fromEntries(params));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError("bad_request", `Parameter ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`);
  }
  const query = result.data;
  const agencies = splitNegated(query.agency);
  const states = splitNegated(query.state);
  for (const s of [...states.include, ...states.exclude]) {
    if (!StoryStateSchema.safeParse(s).success) throw new AppError("bad_request", `Parameter state: unknown state "${s}".`);
  }
  const filter: StoryFilter = {
    agencies: agencies.include,
    excludeAgencies: agencies.exclude,
    states: states.include as StoryFilter["states"],
    excludeStates: states.exclude as StoryFilter["excludeStates"],
    urgencyMin: query.urgencyMin,
    urgencyMax: query.urgencyMax,
    languages: query.language,
    categories: query.category,
    deskId: query.desk,
    since: query.since ? new Date(query.since).toISOString() : undefined,
    until: query.until ? new Date(query.until).toISOString() : undefined,
    before: query.cursor ? Number(query.cursor) : undefined,
    limit: query.limit,
  };
  return { filter, q: query.q?.trim() ? query.q.trim() : null };
}
