import type { SearchQuery, SearchTerm } from "../story-filter";

/** Quotes one term as an FTS5 string (so no user character can act as syntax); a prefix gets its `*` outside. */
function quoteTerm(term: SearchTerm): string {
  const quoted = `"${term.text.replaceAll('"', '""')}"`;
  return term.kind === "prefix" ? `${quoted}*` : quoted;
}

function orGroup(terms: readonly SearchTerm[]): string {
  return terms.length === 1 ? quoteTerm(terms[0]!) : `(${terms.map(quoteTerm).join(" OR ")})`;
}

/**
 * Translates the store-neutral query into an FTS5 MATCH expression. Every term is quoted here;
 * the operators are the only unquoted text, and they come from the structure, never from the user.
 */
export function toFtsMatch(query: SearchQuery): string {
  if (query.must.length === 0) throw new Error("a search query needs at least one term to match");
  const must = query.must.map(orGroup).join(" AND ");
  if (query.mustNot.length === 0) return must;
  return `(${must}) NOT (${query.mustNot.map(quoteTerm).join(" OR ")})`;
}
