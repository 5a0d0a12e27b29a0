import { AppError } from "../errors";
import type { SearchQuery, SearchTerm } from "../storage/story-filter";

/** The most terms (words, phrases, prefixes, exclusions) one search may have. */
export const MAX_SEARCH_TERMS = 20;
/** The fewest letters a prefix search (`word*`) needs: fewer match too many words to help an editor (and the SQLite index keeps prefixes of 3). */
export const MIN_PREFIX_LENGTH = 3;

// The characters the full-text index keeps (letters, digits, private use); everything else separates words.
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

type Lexeme = { kind: "or" } | { kind: "term"; isExcluded: boolean; term: SearchTerm };

function invalid(message: string): never {
  throw new AppError("invalid_query", message);
}

/** Turns typed text into a term of index tokens; null when it holds no letter or digit. */
function toTerm(raw: string, isPrefix: boolean): SearchTerm | null {
  const tokens = raw.normalize("NFC").toLowerCase().match(TOKEN) ?? [];
  if (tokens.length === 0) return null;
  const last = tokens[tokens.length - 1] ?? "";
  if (isPrefix && [...last].length < MIN_PREFIX_LENGTH) {
    invalid(`Put at least ${MIN_PREFIX_LENGTH} letters before * (as in ukrain*).`);
  }
  const text = tokens.join(" ");
  if (isPrefix) return { kind: "prefix", text };
  return { kind: tokens.length > 1 ? "phrase" : "word", text };
}

function lex(input: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? "";
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    let isExcluded = false;
    if (ch === "-" && i + 1 < input.length && !/\s/u.test(input[i + 1] ?? "")) {
      isExcluded = true;
      i += 1;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) invalid('A quote is not closed: add the closing " or remove the opening one.');
      let end = close + 1;
      const isPrefix = input[end] === "*";
      while (input[end] === "*") end += 1;
      const term = toTerm(input.slice(i + 1, close), isPrefix);
      if (term) lexemes.push({ kind: "term", isExcluded, term });
      i = end;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end] ?? "") && input[end] !== '"') end += 1;
    const raw = input.slice(i, end);
    i = end;
    if (!isExcluded && raw === "OR") lexemes.push({ kind: "or" });
    else if (!isExcluded && raw === "AND") continue; // all words must match anyway
    else {
      const isPrefix = raw.endsWith("*");
      const term = toTerm(raw.replace(/\*+$/u, ""), isPrefix);
      if (term) lexemes.push({ kind: "term", isExcluded, term });
    }
  }
  return lexemes;
}

/**
 * Parses the desk's one query language into the store-neutral form: words (all must match),
 * "quoted phrases", OR between terms, -word to exclude, word* for a prefix. Punctuation and
 * search-engine syntax are treated as word separators, never passed on. Malformed input throws
 * AppError("invalid_query") with a message meant for the editor.
 */
export function parseSearchQuery(input: string): SearchQuery {
  const lexemes = lex(input);
  const must: SearchTerm[][] = [];
  const mustNot: SearchTerm[] = [];
  const orMisuse = "OR goes between two search terms, as in: strike OR walkout.";
  for (let i = 0; i < lexemes.length; i++) {
    const lexeme = lexemes[i]!;
    const isJoined = lexemes[i - 1]?.kind === "or";
    if (lexeme.kind === "or") {
      const before = lexemes[i - 1];
      const after = lexemes[i + 1];
      if (!before || !after || before.kind === "or" || after.kind === "or") invalid(orMisuse);
      if (before.isExcluded || after.isExcluded) invalid("An excluded term (-word) cannot be part of an OR; write it separately: strike OR walkout -football.");
      continue;
    }
    if (lexeme.isExcluded) mustNot.push(lexeme.term);
    else if (isJoined) must[must.length - 1]!.push(lexeme.term);
    else must.push([lexeme.term]);
  }
  const count = must.reduce((n, group) => n + group.length, 0) + mustNot.length;
  if (count > MAX_SEARCH_TERMS) invalid(`Too many search terms (${count}); use at most ${MAX_SEARCH_TERMS}.`);
  if (must.length === 0) {
    invalid(mustNot.length > 0 ? "Add a word to look for: a search cannot be only excluded words (-word)." : "Type at least one word to search for.");
  }
  return { must, mustNot };
}
