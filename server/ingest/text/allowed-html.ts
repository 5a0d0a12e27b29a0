/** The elements wire HTML may keep after sanitizing: the one allow-list (sanitize.ts, canonical-html.ts). */
export const ALLOWED_TAGS: readonly string[] = [
  "p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small",
  "a", "ul", "ol", "li", "blockquote", "q", "cite", "abbr",
  "h2", "h3", "h4", "h5", "h6", "hr", "pre", "code",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
];
