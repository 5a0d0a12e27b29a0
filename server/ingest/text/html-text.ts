/**
 * The fast path of htmlToText: plain text of HTML made only of ordinary elements, quoted attributes
 * and a few entities, which is what sanitizeWireHtml produces. It gives exactly what htmlparser2
 * (through sanitize-html) would; for anything else it answers null and the caller takes that path.
 */

/** Elements that htmlparser2 tokenizes like any other (no raw text, no foreign content). */
const ORDINARY_ELEMENTS = new Set([
  "p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "a", "ul", "ol", "li",
  "blockquote", "q", "cite", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "code",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "div", "span",
]);
/** A block end after which htmlToText starts a new paragraph (the tag exactly as written). */
const BLOCK_END = /^(?:<\/(?:p|div|li|h[1-6]|blockquote|tr|table|pre)>|<br\s*\/?>)$/i;
/** The end of a table cell, after which a space keeps the cells of a row separate words. */
const CELL_END = /^<\/t[dh]>$/i;
const OPEN_TAG = /<([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*\/?>/y;
const CLOSE_TAG = /<\/([A-Za-z][A-Za-z0-9]*)\s*>/y;
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));/y;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Code points that htmlparser2 decodes as themselves (no NUL, C1 remapping or surrogate repair). */
function isPlainCodePoint(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code < 0xd800) || (code >= 0xe000 && code <= 0x10ffff);
}

/** Decodes one supported entity at `at`; returns [text, length] or null for anything else. */
function readEntity(html: string, at: number): [string, number] | null {
  ENTITY.lastIndex = at;
  const match = ENTITY.exec(html);
  if (!match) return null;
  if (match[1]) return [NAMED[match[1]] ?? "", match[0].length];
  const code = match[2] !== undefined ? Number.parseInt(match[2], 10) : Number.parseInt(match[3] ?? "", 16);
  return isPlainCodePoint(code) ? [String.fromCodePoint(code), match[0].length] : null;
}

/** Length of an ordinary start or end tag at `at`, or 0 when the markup is anything else. */
function readTag(html: string, at: number): number {
  const pattern = html.charCodeAt(at + 1) === 0x2f ? CLOSE_TAG : OPEN_TAG;
  pattern.lastIndex = at;
  const match = pattern.exec(html);
  return match && ORDINARY_ELEMENTS.has((match[1] ?? "").toLowerCase()) ? match[0].length : 0;
}

/**
 * Text of simple HTML with tags removed, the supported entities decoded and a blank line after each
 * block end (`</p>`, `</li>`, `<br>`…) and a space after each cell end; null when the HTML holds
 * anything the fast path does not read.
 */
export function simpleHtmlText(html: string): string | null {
  if (html.includes("\u0000")) return null;
  let out = "";
  let copied = 0;
  let tag = html.indexOf("<");
  let entity = html.indexOf("&");
  while (tag >= 0 || entity >= 0) {
    if (tag >= 0 && (entity < 0 || tag < entity)) {
      const length = readTag(html, tag);
      if (length === 0) return null;
      out += html.slice(copied, tag);
      const markup = html.slice(tag, tag + length);
      if (BLOCK_END.test(markup)) out += "\n\n";
      else if (CELL_END.test(markup)) out += " ";
      copied = tag + length;
      tag = html.indexOf("<", copied);
      if (entity >= 0 && entity < copied) entity = html.indexOf("&", copied);
    } else {
      const decoded = readEntity(html, entity);
      if (!decoded) return null;
      out += html.slice(copied, entity) + decoded[0];
      copied = entity + decoded[1];
      entity = html.indexOf("&", copied);
    }
  }
  return out + html.slice(copied);
}
