import sanitizeHtml from "sanitize-html";

const BLOCK_END = /<\/(p|div|li|h[1-6]|blockquote|tr|table|pre)>|<br\s*\/?>/gi;

/** Plain text of (already sanitized) HTML, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(BLOCK_END, (m) => `${m}\n\n`);
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0)
    .join("\n\n");
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

/** Counts words the way editors do: runs of letters or digits. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return matches ? matches.length : 0;
}

/** Collapses white space and returns null for empty strings. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).replace(/\s+/g, " ").trim();
  return text.length > 0 ? text : null;
}
