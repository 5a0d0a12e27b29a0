import type { StoryState } from "../contract/story";

/** Queue filters understood by every store. */
export interface StoryFilter {
  agencies?: string[];
  excludeAgencies?: string[];
  states?: StoryState[];
  excludeStates?: StoryState[];
  urgencyMin?: number;
  urgencyMax?: number;
  languages?: string[];
  excludeLanguages?: string[];
  /** Stories with at least one of these categories. */
  categories?: string[];
  /** Stories with none of these categories. */
  excludeCategories?: string[];
  deskIds?: string[];
  excludeDeskIds?: string[];
  since?: string;
  until?: string;
  /** A query already parsed into the store-neutral query language. */
  query?: SearchQuery;
  /** The order of a query's results: by relevance (the default) or newest first. */
  searchOrder?: "relevance" | "newest";
  /** Keyset cursor without a query: only stories older in queue order than this position. */
  before?: number;
  /** Keyset cursor with a query: only results after this one in search order. */
  searchAfter?: SearchPosition;
  limit: number;
}

/**
 * The store-neutral full-text query: every group of `must` has to match (a group is an OR of terms),
 * and no term of `mustNot` may match.
 */
export interface SearchQuery {
  must: SearchTerm[][];
  mustNot: SearchTerm[];
}

/**
 * One search term in the index's own tokens (letters and digits only, lower or upper case):
 * a word; a phrase (tokens separated by one space, in order); or a prefix (the last token is a prefix).
 */
export interface SearchTerm {
  kind: "word" | "phrase" | "prefix";
  text: string;
}

/**
 * Where a result stands in search order. Results are ranked by relevance within blocks of the newest
 * matches; `top` is the newest queue position of the result's block, so later pages stay in the same
 * block whatever arrives meanwhile.
 */
export interface SearchPosition {
  top: number;
  rank: number;
  position: number;
}
