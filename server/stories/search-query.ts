import { AppError } from "../errors";
import type { SearchQuery } from "../storage/store";

/** Parses the desk's query language into the store-neutral form (replaced by the full parser with the queue). */
export function parseSearchQuery(input: string): SearchQuery {
  const words = input.split(/\s+/).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
  if (words.length === 0) throw new AppError("invalid_query", "Search for at least one word.");
  return { must: words.map((text) => [{ kind: "word", text }]), mustNot: [] };
}
