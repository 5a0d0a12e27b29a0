import type { Dateline } from "../../contract/story";
import { cleanText } from "../text/plain-text";
import { datelineDateToIso, parseDateline, readDatelineDate } from "../text/dateline";

/** A dateline with every field unknown. */
export const NO_DATELINE: Dateline = Object.freeze({ text: null, place: null, date: null, source: null });

const MAX_DATELINE = 200;
const TRAILING_DASH = /\s*(?:[-–—_]{1,2}|:)$/;
const TRAILING_SOURCE = /\(([^()]{1,40})\)$/;

/**
 * Splits a standalone dateline string as agencies send it in metadata (`Berlin (dpa) -`,
 * `MOSCOW, Monday (Reuters)`, `Gaza City, Palestinian Territories, May 16, 2021 (AFP) -`, `ROUND ROCK, Texas`)
 * into text, place, date and source, with the conventions of parseDateline: text without the trailing
 * dash, date ISO `YYYY-MM-DD` only when complete. Unlike a body dateline the field is known to be one,
 * so what parseDateline's guards reject (unknown agency, no agency) is still split.
 */
export function datelineFromText(value: string | null | undefined): Dateline {
  const raw = cleanText(value);
  if (!raw) return NO_DATELINE;
  if (raw.length > MAX_DATELINE) return { ...NO_DATELINE, text: raw.slice(0, MAX_DATELINE) };
  const parsed = parseDateline(raw);
  if (parsed && parsed.rest === "") return { ...parsed.dateline };
  const text = raw.replace(TRAILING_DASH, "");
  const sourceMatch = TRAILING_SOURCE.exec(text);
  const before = sourceMatch ? text.slice(0, sourceMatch.index) : text;
  const parts = before.split(",").map((part) => part.trim()).filter((part) => part.length > 0);
  const dateAt = parts.findIndex((_, index) => readDatelineDate(parts.slice(index).join(", ")) !== null);
  const placeParts = dateAt < 0 ? parts : parts.slice(0, dateAt);
  return {
    text: cleanText(text),
    place: cleanText(placeParts.join(", ")),
    date: dateAt < 0 ? null : datelineDateToIso(parts.slice(dateAt).join(", ")),
    source: sourceMatch ? cleanText(sourceMatch[1]) : null,
  };
}

/** Field-by-field merge: values of `primary` win, gaps are filled from the others in order. */
export function mergeDatelines(primary: Dateline, ...fallbacks: Dateline[]): Dateline {
  const merged: Dateline = { ...primary };
  for (const fallback of fallbacks) {
    merged.text ??= fallback.text;
    merged.place ??= fallback.place;
    merged.date ??= fallback.date;
    merged.source ??= fallback.source;
  }
  return merged;
}
