import { z } from "zod";

/** newCount stops counting here: the UI shows "1000+". */
export const SAVED_SEARCH_NEW_COUNT_CAP = 1000;

/** A saved queue view with the number of matching stories received since it was last opened. */
export const SavedSearchDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The URL query of the queue view (filters and q), without a leading "?". */
  query: z.string(),
  newCount: z.number().int().nonnegative(),
  lastOpenedAt: z.string(),
});
export type SavedSearchDto = z.infer<typeof SavedSearchDtoSchema>;

/** `GET /api/saved-searches`. */
export const SavedSearchListSchema = z.object({ savedSearches: z.array(SavedSearchDtoSchema) });
export type SavedSearchList = z.infer<typeof SavedSearchListSchema>;

/** `POST /api/saved-searches`. */
export const SavedSearchInputSchema = z
  .object({
    name: z.string().trim().min(1, "give the search a name").max(80),
    query: z.string().max(2000),
  })
  .strict();
export type SavedSearchInput = z.infer<typeof SavedSearchInputSchema>;
