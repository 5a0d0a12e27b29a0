import { createHash } from "node:crypto";
import type { NormalizedStory, WireFormat } from "../../domain/normalized-story";
import { escapeHtml, sanitizeWireHtml } from "../text/sanitize";
import { countWords, htmlToText } from "../text/plain-text";
import { parseDateline } from "../text/dateline";
import { isoNear, monthDayIn } from "../text/dateline-date";
import { moveTrailers } from "./body-trailers";
import { mergeDatelines, NO_DATELINE } from "./dateline-fields";
import { hasEscapedMarkup, unescapeOnce } from "./escaped-html";

/** Everything a format parser decides; body text and word count are derived by {@link finishStory}. */
export type StoryFields = Omit<NormalizedStory, "bodyHtml" | "bodyText" | "wordCount">;

/** A story with every optional field empty: urgency 5, usable, version 1. */
export function emptyStory(format: WireFormat, guid: string): StoryFields {
  return {
    format,
    guid,
    version: 1,
    versionCreated: null,
    firstCreated: null,
    pubStatus: "usable",
    headline: "",
    subheadline: null,
    slugline: null,
    byline: null,
    dateline: { ...NO_DATELINE },
    urgency: 5,
    agency: null,
    language: null,
    abstract: null,
    editorNote: null,
    embargoUntil: null,
    supersedes: [],
    signals: [],
    categories: [],
    keywords: [],
  };
}

const EMPTY_PARAGRAPH = /<p>(?:\s|&nbsp;|&#160;|<br\s*\/?>)*<\/p>/g;
const FIRST_PARAGRAPH = /^\s*<p>([^]*?)<\/p>/;

/** Sanitized body HTML; markup that arrived escaped as text (`&lt;p&gt;`) is unescaped (at most twice) and sanitized. */
function bodyMarkup(rawHtml: string): string {
  let html = sanitizeWireHtml(rawHtml);
  for (let pass = 0; pass < 2 && hasEscapedMarkup(html); pass++) html = sanitizeWireHtml(unescapeOnce(html));
  return html.replace(EMPTY_PARAGRAPH, "").trim();
}

/** The editor note with the sign-offs taken out of the body appended (nothing is lost). */
function withNotes(editorNote: string | null, notes: readonly string[]): string | null {
  if (notes.length === 0) return editorNote;
  return [editorNote, ...notes].filter((note): note is string => Boolean(note)).join("\n");
}

/**
 * Sanitizes the raw body HTML, moves sign-offs and trailers into the editor note, moves a dateline
 * opening the first paragraph into the dateline field (metadata values win), and derives bodyText
 * and wordCount.
 */
export function finishStory(fields: StoryFields, rawHtml: string): NormalizedStory {
  const trimmed = moveTrailers(bodyMarkup(rawHtml));
  let bodyHtml = trimmed.html;
  let dateline = fields.dateline;
  const first = FIRST_PARAGRAPH.exec(bodyHtml);
  if (first) {
    const found = parseDateline(htmlToText(first[1] ?? ""));
    if (found) {
      const rest = found.rest.trim();
      bodyHtml = `${rest ? `<p>${escapeHtml(rest)}</p>` : ""}${bodyHtml.slice(first[0].length)}`.trim();
      dateline = mergeDatelines(dateline, found.dateline);
    }
  }
  if (dateline.date === null && dateline.text) {
    // `21 ene`: the year is the one nearest the story's own time.
    const monthDay = monthDayIn(dateline.text);
    const date = monthDay ? isoNear(monthDay.month, monthDay.day, fields.versionCreated ?? fields.firstCreated) : null;
    if (date) dateline = { ...dateline, date };
  }
  const bodyText = htmlToText(bodyHtml);
  const editorNote = withNotes(fields.editorNote, trimmed.notes);
  return { ...fields, headline: fields.headline.trim(), dateline, editorNote, bodyHtml, bodyText, wordCount: countWords(bodyText) };
}

/** A stable identifier derived from the text, for items that carry none: `prefix:` + 24 hex of sha256. */
export function contentGuid(prefix: string, headline: string, body: string): string {
  const normalize = (value: string) => value.replace(/\s+/g, " ").trim();
  const digest = createHash("sha256").update(`${normalize(headline)}\n${normalize(body)}`).digest("hex");
  return `${prefix}:${digest.slice(0, 24)}`;
}

/** Parses a version attribute/element as a non-negative safe integer, or returns the fallback. */
export function parseVersion(value: string | null | undefined, fallback = 1): number {
  const trimmed = value?.trim() ?? "";
  if (!/^\d{1,15}$/.test(trimmed)) return fallback;
  const version = Number(trimmed);
  return Number.isSafeInteger(version) ? version : fallback;
}

/** Keeps the first occurrence of every non-empty value. */
export function unique(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) if (value) seen.add(value);
  return [...seen];
}
