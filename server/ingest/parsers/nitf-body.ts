import type { Dateline } from "../../contract/story";
import { sanitizeWireHtml } from "../text/sanitize";
import { cleanText } from "../text/plain-text";
import { datelineDateToIso } from "../text/dateline";
import { bodyFieldOf, bodyFields } from "./body-fields";
import { datelineFromText, mergeDatelines } from "./dateline-fields";
import { isoDate } from "./wire-dates";
import type { XmlElement } from "./xml/nodes";
import { innerHtml } from "./xml/html";
import { attr, child, childText, classes, elements, findFirst, isElement, removeFirst, text, textOf } from "./xml/walk";

/** What a NITF `body.head` says about the story (null where absent). */
export interface NitfHead {
  headline: string | null;
  subheadline: string | null;
  byline: string | null;
  abstract: string | null;
  dateline: Dateline;
  distributor: string | null;
  /** Text of `note noteclass="editorsnote"` elements (not for publication). */
  editorsNote: string | null;
}

/** The body HTML (unsanitized), the text of an inline dateline element removed from it, and field markup found in it. */
export interface ExtractedBody {
  html: string;
  datelineText: string | null;
  /** A byline or title element an agency put inside the body (see body-fields.ts). */
  byline?: string | null;
  headline?: string | null;
}

// Datelines and bylines are short; a huge one is cut before any text processing.
const MAX_METADATA_TEXT = 1000;
const NITF_DROP = new Set(["media", "nitf-table-metadata", "note", "body.head", "body.end", "byline", "dateline"]);
const NITF_RENAME: Readonly<Record<string, string>> = { hl1: "h2", hl2: "h2", bq: "blockquote", credit: "cite" };

/** True for the inline dateline markup agencies repeat in the body (`<span class="dateline">`). */
export function isDatelineMarkup(el: XmlElement): boolean {
  return classes(el).some((name) => name.toLowerCase() === "dateline");
}

/** Removes the first inline dateline element (once) and returns its text. */
export function stripDatelineMarkup(el: XmlElement): { element: XmlElement; datelineText: string | null } {
  const { element, removed } = removeFirst(el, isDatelineMarkup);
  return { element, datelineText: removed ? cleanText(textOf(removed)) : null };
}

/**
 * The one NITF body renderer (used by the NITF, NewsML-G2 and NewsML 1.2 parsers): turns a `<nitf>`,
 * `<body>` or `<body.content>` element into HTML for sanitizing — paragraphs, subheads (hl2 → h2),
 * blocks, lists and tables kept; media, table metadata and editorial notes dropped.
 */
export function nitfBodyToHtml(el: XmlElement): ExtractedBody {
  const lower = el.name.toLowerCase();
  const body = lower === "body" ? el : (child(el, "body") ?? el);
  // Only body.content directly under body: a `note` in body.head may carry its own body.content.
  const contents = lower === "body.content" ? [el] : elements(body, "body.content");
  const containers = contents.length > 0 ? contents : [body];
  let html = "";
  let datelineText: string | null = null;
  let byline: string | null = null;
  let headline: string | null = null;
  for (const container of containers) {
    const stripped: { element: XmlElement; datelineText: string | null } =
      datelineText === null ? stripDatelineMarkup(container) : { element: container, datelineText: null };
    const fields = bodyFields(stripped.element, (node) => node.name.toLowerCase() === "media");
    datelineText ??= stripped.datelineText ?? fields.dateline;
    byline ??= fields.byline;
    headline ??= fields.headline;
    html += innerHtml(stripped.element, { drop: (node) => NITF_DROP.has(node.name.toLowerCase()) || bodyFieldOf(node) !== null, rename: NITF_RENAME });
  }
  return { html, datelineText, byline, headline };
}

/** Sanitized HTML of a NITF `<nitf>`/`<body>`/`<body.content>` element (see {@link nitfBodyToHtml}). */
export function nitfBodyHtml(el: XmlElement): string {
  return sanitizeWireHtml(nitfBodyToHtml(el).html);
}

/** Byline text; a `byttl` (title) glued to the name, as AP sends it, gets a separating space. */
export function bylineText(el: XmlElement | null): string | null {
  if (!el) return null;
  let out = "";
  for (const node of el.children) {
    const piece = textOf(node);
    if (isElement(node) && node.name.toLowerCase() === "byttl" && out.length > 0 && !/\s/.test(out.charAt(out.length - 1))) out += " ";
    out += piece;
    if (out.length > MAX_METADATA_TEXT) break;
  }
  return cleanText(out.slice(0, MAX_METADATA_TEXT));
}

function abstractText(el: XmlElement | null): string | null {
  if (!el) return null;
  const paragraphs = elements(el, "p").map((p) => text(p));
  const joined = cleanText(paragraphs.filter((p) => p !== null).join(" "));
  return joined ?? text(el);
}

function nitfDateline(el: XmlElement | null): Dateline {
  if (!el) return datelineFromText(null);
  const location = child(el, "location");
  const storyDate = child(el, "story.date");
  const place = childText(location, "city") ?? text(location);
  const full = cleanText(textOf(el).slice(0, MAX_METADATA_TEXT));
  // The place is read from the dateline without its story.date: a date is never a place.
  const withoutDate = storyDate ? cleanText(el.children.filter((node) => node !== storyDate).map(textOf).join("").slice(0, MAX_METADATA_TEXT)) : full;
  const structured: Dateline = {
    text: full,
    place,
    date: isoDate(attr(storyDate, "norm"))?.slice(0, 10) ?? datelineDateToIso(text(storyDate) ?? ""),
    source: null,
  };
  const parsed = datelineFromText(withoutDate?.replace(/[\s,]+$/, "") ?? null);
  return mergeDatelines(structured, { ...parsed, text: null, place: location ? null : parsed.place }, { ...datelineFromText(full), place: null });
}

/** Reads headline, subheadline, byline(s), abstract, dateline and distributor from a NITF `body.head`. */
export function nitfHead(el: XmlElement | null): NitfHead {
  const head = el && el.name.toLowerCase() === "body.head" ? el : findFirst(el, "body.head");
  const hedline = child(head, "hedline");
  const bylines = elements(head, "byline").map((b) => bylineText(b)).filter((b): b is string => b !== null);
  const distributor = child(head, "distributor");
  return {
    headline: childText(hedline, "hl1"),
    subheadline: childText(hedline, "hl2"),
    byline: bylines.length > 0 ? bylines.join("; ") : null,
    abstract: abstractText(child(head, "abstract")),
    dateline: nitfDateline(child(head, "dateline")),
    distributor: childText(distributor, "org") ?? text(distributor),
    editorsNote: cleanText(
      elements(head, "note")
        .filter((note) => (attr(note, "noteclass") ?? "").toLowerCase() === "editorsnote")
        .map((note) => textOf(note))
        .join(" "),
    ),
  };
}
