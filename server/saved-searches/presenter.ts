import type { SavedSearchRecord } from "@/db/schema";
import type { SavedSearchDto } from "../contract/saved-search";

/** The only way a saved search reaches the wire. */
export function presentSavedSearch(row: SavedSearchRecord, newCount: number): SavedSearchDto {
  return { id: row.id, name: row.name, query: row.queryString, newCount, lastOpenedAt: row.lastOpenedAt };
}
