import { describe, expect, it } from "vitest";
import { hasMarker, XSS_VECTORS } from "../../../e2e/fixtures/xss-vectors";
import { sanitizeWireHtml } from "./sanitize";

/** Tags a sanitized body may contain: the allow-list, nothing that can run or load anything. */
const SAFE_TAGS = new Set(["p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "a", "ul", "ol", "li", "blockquote", "q", "cite", "abbr", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "code", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"]);
const TAG = /<\/?([a-zA-Z][^\s/>]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

function decodeAttribute(value: string): string {
  return value
    .replace(/^["']|["']$/g, "")
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Everything wrong with one sanitized output ([] when it is harmless). */
function dangers(html: string): string[] {
  const found: string[] = [];
  if (/<\s*script/i.test(html)) found.push("<script");
  for (const [, name = "", attributes = ""] of html.matchAll(TAG)) {
    if (!SAFE_TAGS.has(name.toLowerCase())) found.push(`tag <${name}>`);
    for (const [, attribute = "", rawValue = ""] of attributes.matchAll(ATTRIBUTE)) {
      const lower = attribute.toLowerCase();
      if (lower.startsWith("on")) found.push(`handler ${attribute}`);
      if (lower === "style" || lower === "srcdoc" || lower === "formaction") found.push(`attribute ${attribute}`);
      // Browsers ignore whitespace and control characters inside a scheme: strip them as a browser would.
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must be stripped
      const value = decodeAttribute(rawValue).replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (/^(javascript|vbscript|data):/.test(value)) found.push(`${attribute}=${value.slice(0, 30)}`);
    }
  }
  return found;
}

describe("sanitizer against the XSS corpus", () => {
  it("has at least 50 vectors, each with a marker the browser tests can observe", () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(50);
    expect(XSS_VECTORS.filter((v) => !hasMarker(v)).map((v) => v.name)).toEqual([]);
    expect(new Set(XSS_VECTORS.map((v) => v.name)).size).toBe(XSS_VECTORS.length);
  });

  it("has a checker that would notice: most raw vectors are flagged before sanitizing", () => {
    const unflagged = XSS_VECTORS.filter((v) => dangers(v.html).length === 0).map((v) => v.name);
    expect(unflagged).toEqual(["unclosed img", "bare javascript: text", "template injection text"]); // no tag / no closing ">"
  });

  it("leaves no script, handler, unsafe URL or unlisted tag in any vector's output", () => {
    const failures = Object.fromEntries(
      XSS_VECTORS.map((v) => [v.name, dangers(sanitizeWireHtml(v.html))] as const).filter(([, found]) => found.length > 0),
    );
    expect(failures).toEqual({});
  });

  it("stays harmless when every vector comes at once, and when its own output is sanitized again", () => {
    const all = sanitizeWireHtml(XSS_VECTORS.map((v) => `<p>${v.html}</p>`).join("\n"));
    expect(dangers(all)).toEqual([]);
    expect(dangers(sanitizeWireHtml(all))).toEqual([]);
    expect(sanitizeWireHtml(all)).toBe(all); // idempotent: stored copy re-sanitized on render stays the same
  });

  it("keeps ordinary wire markup and safe links", () => {
    const html = '<p>Lead <b>bold</b> <a href="https://example.com/a?b=1&amp;c=2">link</a></p><ul><li>one</li></ul>';
    expect(sanitizeWireHtml(html)).toBe('<p>Lead <b>bold</b> <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">link</a></p><ul><li>one</li></ul>');
  });
});
