import { htmlToText } from "../text/plain-text";
import { isHeaderTimeLine, isNoteAnywhere, splitTrailingCredit, trailerKind } from "../text/sign-offs";
import { escapeHtml } from "../text/sanitize";
import { appendAll } from "../text/extremes";

/** Sanitized body HTML without its sign-offs, and the text of what was taken out (for the notes). */
export interface BodyWithoutTrailers {
  html: string;
  notes: string[];
}

/** How many paragraphs are looked at from each edge. */
const MAX_EDGE = 12;
const PARAGRAPH = /<p>((?:(?!<\/?p>)[^])*)<\/p>/g;
const LINE_BREAK = /<br\s*\/?>/i;
const BLOCK_INSIDE = /<(?:ul|ol|table|blockquote|div|pre|h[1-6])\b/i;

/** The last top-level `<p>` of the HTML when nothing but white space follows it. */
function lastParagraph(html: string): { start: number; inner: string } | null {
  if (!html.endsWith("</p>")) return null;
  const start = html.lastIndexOf("<p>");
  if (start < 0) return null;
  const inner = html.slice(start + 3, -4);
  return BLOCK_INSIDE.test(inner) ? null : { start, inner };
}

/** The first top-level `<p>` when the HTML opens with it. */
function firstParagraph(html: string): { end: number; inner: string } | null {
  if (!html.startsWith("<p>")) return null;
  const close = html.indexOf("</p>");
  if (close < 0) return null;
  const inner = html.slice(3, close);
  return inner.includes("<p>") || BLOCK_INSIDE.test(inner) ? null : { end: close + 4, inner };
}

/** Drops trailer lines from the end of one paragraph (split on `<br>`); returns what is left and what went. */
function trimParagraphEnd(inner: string): { kept: string; removed: string[] } {
  const lines = inner.split(LINE_BREAK);
  const removed: string[] = [];
  while (lines.length > 0 && trailerKind(htmlToText(lines[lines.length - 1] ?? "")) !== null) {
    removed.push(htmlToText(lines.pop() ?? ""));
  }
  // Collected from the end; reversed once (unshift per line would be quadratic in the trailer lines).
  return { kept: lines.join("<br />"), removed: removed.reverse().filter(Boolean) };
}

/**
 * Takes sign-offs out of sanitized body HTML: trailing desk initials, end marks, time trailers, desk
 * phone lines and credits (`(SDA/sj)` closing the last paragraph); header time lines opening it;
 * `Eds:` notes and photo credits wherever they stand. What is removed is returned as notes.
 */
export function moveTrailers(bodyHtml: string): BodyWithoutTrailers {
  const notes: string[] = [];
  let html = bodyHtml.replace(PARAGRAPH, (whole, inner: string) => {
    const text = htmlToText(inner);
    if (!isNoteAnywhere(text)) return whole;
    notes.push(text);
    return "";
  }).trim();
  for (let i = 0; i < MAX_EDGE; i++) {
    const first = firstParagraph(html);
    if (!first) break;
    const text = htmlToText(first.inner);
    if (!isHeaderTimeLine(text) && text !== "") break;
    if (text) notes.push(text);
    html = html.slice(first.end).trim();
  }
  const tail: string[][] = [];
  for (let i = 0; i < MAX_EDGE; i++) {
    const last = lastParagraph(html);
    if (!last) break;
    const { kept, removed } = trimParagraphEnd(last.inner);
    const credit = kept && !kept.includes("<") ? splitTrailingCredit(htmlToText(kept)) : null;
    if (credit) removed.unshift(credit[1]);
    tail.push(removed);
    if (kept) {
      html = `${html.slice(0, last.start)}<p>${credit ? escapeHtml(credit[0]) : kept}</p>`;
      break;
    }
    html = html.slice(0, last.start).trim();
  }
  appendAll(notes, tail.reverse().flat());
  return { html, notes };
}
