import { readDatelineDate } from "./dateline-date";
import { isAgencySource } from "./agencies";

/** Date and agency helpers of the dateline parser, re-exported for the format parsers. */
export { datelineDateToIso, readDatelineDate } from "./dateline-date";
export { isAgencySource } from "./agencies";

/** A dateline found at the start of a paragraph; `date` is ISO `YYYY-MM-DD` when complete. */
export interface ParsedDateline {
  dateline: { text: string; place: string | null; date: string | null; source: string | null };
  rest: string;
}

const MAX_HEAD = 160;
const MAX_PLACE_CHARS = 50;
const MAX_PLACE_WORDS = 6;
/** `prefix (source) -` with any dash, double dash, underscore (ANPA), colon or EFE's `.-`; bounded, no nested quantifiers. */
const WITH_SOURCE = /^([^()\n]{1,110}?)\s*\(([^()\n]{1,40})\)\s*\.?\s*(?:[-–—_‒―−]{1,2}|:)(?:\s+|$)/u;
/** The credit first, as ANSA writes it: `(ANSA) - Rome, October 11 - `. */
const SOURCE_FIRST = /^\(([^()\n]{1,40})\)\s*\.?\s*[-–—‒―−]{1,2}\s*([^()\n]{1,110}?)\s*(?:[-–—_‒―−]{1,2}|:)(?:\s+|$)/u;
/** New AP style without agency: `WASHINGTON — `, `SAN JUAN, Puerto Rico — `. */
const AP_STYLE =
  /^(\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s\p{Lu}[\p{Lu}\p{M}.'’-]+){0,4})(,\s\p{Lu}[\p{L}\p{M}.'’]*(?:\s\p{Lu}[\p{L}\p{M}.'’]*){0,2})?\s+(?:—|–|--|_)\s+/u;
/** A place: capitalised words (or words of a script without case: Arabic, Hebrew, CJK), `/` or `,` between places. */
const PLACE = /^[\p{Lu}\p{Lo}][\p{L}\p{M}.'’ -]*(?:\s*[/,\u060c]\s*[\p{Lu}\p{Lo}][\p{L}\p{M}.'’ -]*)*$/u;

function isPlace(place: string): boolean {
  return (
    place.length > 0 &&
    place.length <= MAX_PLACE_CHARS &&
    place.split(/[\s/]+/).filter(Boolean).length <= MAX_PLACE_WORDS &&
    PLACE.test(place) &&
    !/\p{Ll}{3,}\.\s/u.test(place) // a sentence end (`said. Berlin`), unlike `St. Louis`
  );
}

function nextComma(text: string, from: number): number {
  const at = text.slice(from).search(/[,\u060c]/);
  return at < 0 ? -1 : from + at;
}

/** Splits `Gaza City, Palestinian Territories, May 16, 2021` into place and the date after a comma. */
function splitPlaceAndDate(prefix: string): { place: string; date: string | null } | null {
  for (let comma = prefix.search(/[,\u060c]/); comma >= 0; comma = nextComma(prefix, comma + 1)) {
    const date = readDatelineDate(prefix.slice(comma + 1));
    if (date) return { place: prefix.slice(0, comma).trim(), date: date.iso };
  }
  return { place: prefix.trim(), date: null };
}

function withSource(text: string): ParsedDateline | null {
  const match = WITH_SOURCE.exec(text.slice(0, MAX_HEAD));
  if (!match) return null;
  const source = (match[2] ?? "").trim();
  if (!isAgencySource(source)) return null;
  const split = splitPlaceAndDate(match[1] ?? "");
  if (!split || !isPlace(split.place)) return null;
  const closing = match[0].lastIndexOf(")");
  return {
    dateline: { text: text.slice(0, closing + 1).trim(), place: split.place, date: split.date, source },
    rest: text.slice(match[0].length).trim(),
  };
}

function sourceFirst(text: string): ParsedDateline | null {
  const match = SOURCE_FIRST.exec(text.slice(0, MAX_HEAD));
  if (!match) return null;
  const source = (match[1] ?? "").trim();
  if (!isAgencySource(source)) return null;
  const split = splitPlaceAndDate(match[2] ?? "");
  if (!split || !isPlace(split.place)) return null;
  const written = match[0].replace(/\s*(?:[-–—_‒―−]{1,2}|:)\s*$/, "").trim();
  return { dateline: { text: written, place: split.place, date: split.date, source }, rest: text.slice(match[0].length).trim() };
}

function apStyle(text: string): ParsedDateline | null {
  const match = AP_STYLE.exec(text.slice(0, MAX_HEAD));
  if (!match) return null;
  const place = `${match[1] ?? ""}${match[2] ?? ""}`.trim();
  if (!isPlace(place) || (match[1] ?? "").replace(/[^\p{Lu}]/gu, "").length < 3) return null;
  return { dateline: { text: place, place, date: null, source: null }, rest: text.slice(match[0].length).trim() };
}

/**
 * Finds a dateline opening a first paragraph (wire-formats.md §9): `New York/Moscow, 28 January 2022
 * (dpa/MIA) — …`, `Berlin (dpa) - …`, `LONDON, Jan 4 (Reuters) - …`, `WASHINGTON — …`. Guards: only
 * the paragraph's opening, place ≤ 6 words / 50 chars without digits, source a known agency list.
 * `text` is the dateline as written without the trailing dash; `rest` the paragraph after it.
 */
export function parseDateline(firstParagraph: string): ParsedDateline | null {
  const text = firstParagraph.replace(/^[\s\u00a0]+/, "").replace(/\u00a0/g, " ");
  if (text.length === 0) return null;
  return withSource(text) ?? sourceFirst(text) ?? apStyle(text);
}

/**
 * Reads a dateline that a format carries in its own field (`Berlin (dpa) - `, `Gaza City, May 16,
 * 2021 (AFP)`, or just `Berlin`): parsed like a body dateline, else the bare text as place when it
 * looks like one. Null for an empty value.
 */
export function datelineFromField(value: string | null | undefined): ParsedDateline["dateline"] | null {
  const text = (value ?? "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const parsed = parseDateline(`${text.replace(/\s*(?:[-–—_]{1,2}|:)$/, "")} - `);
  if (parsed) return parsed.dateline;
  const bare = text.replace(/\s*(?:[-–—_]{1,2}|:)$/, "");
  return { text: bare, place: isPlace(bare) ? bare : null, date: null, source: null };
}

/** The agency a dateline credits first: `dpa/MIA` → `dpa` (as written); null without a source. */
export function sourceAgency(source: string | null | undefined): string | null {
  const first = source?.split("/")[0]?.trim() ?? "";
  return first.length > 0 ? first : null;
}

function normalizeForCompare(value: string): string {
  return value.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Removes, once, a dateline the format also carries separately (`Berlin (dpa) -`) from the start of
 * a body paragraph; returns the paragraph unchanged when it does not open with that dateline.
 */
export function stripRepeatedDateline(paragraph: string, datelineText: string | null | undefined): string {
  const wanted = normalizeForCompare((datelineText ?? "").replace(/\s*(?:[-–—_]{1,2}|:)\s*$/, ""));
  if (!wanted) return paragraph;
  const opening = paragraph.replace(/^\s+/, "");
  const found = parseDateline(opening);
  if (found && normalizeForCompare(found.dateline.text) === wanted) return found.rest;
  const head = opening.replace(/\s+/g, " ");
  if (!head.toLowerCase().startsWith(wanted)) return paragraph;
  return head.slice(wanted.length).replace(/^\s*(?:[-–—_]{1,2}|:)?\s*/, "");
}
