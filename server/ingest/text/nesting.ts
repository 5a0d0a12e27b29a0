/**
 * Bounds how deeply HTML nests before an HTML parser reads it. htmlparser2 (under sanitize-html and the
 * body reader) keeps its open elements with `unshift`, a cost per tag that grows with the depth, so
 * hostile copy nested a hundred thousand levels deep took seconds per 600 KB, quadratic in its size.
 * No story nests more than a few dozen levels; past MAX_HTML_DEPTH the extra opening tags and as many
 * closing tags are left out (their text stays). It only removes tags, and a sanitizer reads the result.
 */
export const MAX_HTML_DEPTH = 200;

/** Elements that never hold content, so they open no level. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>/g;

export function capHtmlNesting(html: string, maxDepth = MAX_HTML_DEPTH): string {
  // Fewer tags than the bound cannot nest past it: most copy never gets scanned.
  if (countUpTo(html, "<", maxDepth + 1) <= maxDepth) return html;
  let depth = 0;
  let excess = 0;
  let dropped = false;
  const parts: string[] = [];
  let keptUpTo = 0;
  const drop = (from: number, to: number) => {
    parts.push(html.slice(keptUpTo, from));
    keptUpTo = to;
    dropped = true;
  };
  for (const match of html.matchAll(TAG)) {
    const [whole, slash, name] = match;
    const at = match.index;
    const isVoid = VOID.has(name!.toLowerCase()) || whole.endsWith("/>");
    if (slash) {
      if (excess > 0) {
        excess--;
        drop(at, at + whole.length);
      } else if (depth > 0) depth--;
    } else if (!isVoid) {
      if (depth >= maxDepth) {
        excess++;
        drop(at, at + whole.length);
      } else depth++;
    }
  }
  if (!dropped) return html;
  parts.push(html.slice(keptUpTo));
  return parts.join("");
}

/** How often `char` occurs in `text`, counting no further than `limit`. */
function countUpTo(text: string, char: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1 && count < limit; at = text.indexOf(char, at + 1)) count++;
  return count;
}
