/**
 * Recognizes HTML that sanitizeWireHtml would return unchanged, so that the sanitizer can be skipped:
 * attribute-free tags from a small part of the allow-list, perfectly nested (no end tag left out,
 * none implied by the HTML parser), and text escaped the way the sanitizer escapes it. This is what
 * the parsers' own serializers write for ordinary copy (`<p>…</p>` with `&amp;`, `&lt;`, `&gt;`).
 */
import { ALLOWED_TAGS } from "./allowed-html";

const P = new Set(["p"]);
/** Start tags after which htmlparser2 closes the open element (its `openImpliesClose`, for these tags). */
const IMPLIES_CLOSE: Readonly<Record<string, ReadonlySet<string>>> = {
  p: P, h2: P, h3: P, h4: P, h5: P, h6: P, blockquote: P, ul: P, ol: P, pre: P, table: P,
  li: new Set(["li"]),
  tr: new Set(["tr", "th", "td"]),
  th: new Set(["th"]),
  td: new Set(["thead", "th", "td"]),
  tbody: new Set(["thead", "tbody"]),
  tfoot: new Set(["thead", "tbody"]),
};
// The allow-list's elements without attributes or content rules of their own: `a` gets rel/target
// from the sanitizer, `br` and `hr` are void (VOID_TAGS).
const CONTAINERS = new Set(ALLOWED_TAGS.filter((tag) => tag !== "a" && tag !== "br" && tag !== "hr"));
/** Void elements exactly as the sanitizer writes them. */
const VOID_TAGS = new Set(["<br />", "<hr />"]);
const TAG = /<(\/?)([a-z][a-z0-9]*)>/y;
const ESCAPES = ["amp;", "lt;", "gt;"];

const GT = 0x3e;
const AMP = 0x26;

/**
 * True when the text between `from` and `to` is escaped as the sanitizer escapes text. Looks only at
 * that run (never past `to`), so checking a whole document is linear in its length.
 */
function isEscapedText(html: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = html.charCodeAt(i);
    if (code === GT) return false;
    if (code === AMP && !ESCAPES.some((escape) => html.startsWith(escape, i + 1))) return false;
  }
  return true;
}

/** True when sanitizeWireHtml(html) would be `html.trim()`. */
export function isCanonicalHtml(html: string): boolean {
  if (html.includes("\u0000") || html.includes("\r")) return false;
  const open: string[] = [];
  let at = 0;
  for (;;) {
    const lt = html.indexOf("<", at);
    if (!isEscapedText(html, at, lt < 0 ? html.length : lt)) return false;
    if (lt < 0) return open.length === 0;
    if (html.startsWith("<br />", lt) || html.startsWith("<hr />", lt)) {
      const tag = html.slice(lt, lt + 6);
      if (!VOID_TAGS.has(tag) || (tag === "<hr />" && open.at(-1) === "p")) return false;
      at = lt + 6;
      continue;
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    const name = match?.[2] ?? "";
    if (!match || !CONTAINERS.has(name)) return false;
    if (match[1]) {
      if (open.pop() !== name) return false;
    } else {
      const top = open.at(-1);
      if (top !== undefined && IMPLIES_CLOSE[name]?.has(top)) return false;
      open.push(name);
    }
    at = lt + match[0].length;
  }
}
