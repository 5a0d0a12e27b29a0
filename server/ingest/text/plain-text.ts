import sanitizeHtml from "sanitize-html";
import { capHtmlNesting } from "./nesting";
import { simpleHtmlText } from "./html-text";
import { collapseWhiteSpace, textParagraphs } from "./white-space";

/** Word counting, re-exported where the other text helpers live. */
export { countWords } from "./word-count";

const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|tr|table|pre)>|<br\s*\/?>/gi;
/** The end of a table cell: a space after it keeps the cells of a row separate words. */
const CELL_END = /<\/t[dh]>/gi;

/**
 * Plain text of HTML, paragraphs separated by blank lines (table rows too), table cells by a space.
 * Simple HTML (sanitizer output) is read directly; anything else goes through sanitize-html, which
 * gives the same text for simple HTML.
 */
export function htmlToText(html: string): string {
  return textParagraphs(simpleHtmlText(html) ?? parsedHtmlText(html));
}

/** Text of any HTML by way of sanitize-html (no tags allowed), blank lines after block ends. */
function parsedHtmlText(html: string): string {
  const withBreaks = html.replace(BLOCK_END, (m) => `${m}\n\n`).replace(CELL_END, (m) => `${m} `);
  return decodeEntities(sanitizeHtml(capHtmlNesting(withBreaks), { allowedTags: [], allowedAttributes: {} }));
}

/** Decodes the few entities sanitize-html leaves in text output. */
function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Collapses white space and returns null for empty strings. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = collapseWhiteSpace(String(value));
  return text.length > 0 ? text : null;
}
