import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { XSS_VECTORS } from "../../../e2e/fixtures/xss-vectors";
import { expectLinear } from "../../testing/linear-time";
import { isCanonicalHtml } from "./canonical-html";
import { parseAndSanitize, sanitizeWireHtml } from "./sanitize";

const TAGS = ["p", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "q", "cite", "abbr", "code", "h2", "h3", "h6", "blockquote", "ul", "ol", "li", "pre", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "div", "span", "h1", "script", "textarea"];
const TEXT = ["Berlin (dpa) - ", "x", " ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;", "&", "<", ">", '"', "'", "Grüße", "\u{1F600}", "\u0000", "]]>", "<!-- c -->", "<br />", "<br>", "<br/>", "<hr />", "<p >", "</p >", "<P>", "<p class=\"x\">"];
const token = fc.oneof(
  fc.constantFrom(...TEXT),
  fc.constantFrom(...TAGS).map((tag) => `<${tag}>`),
  fc.constantFrom(...TAGS).map((tag) => `</${tag}>`),
);
/** Mostly well-nested markup (so that the canonical form is actually reached), with stray tokens. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...TEXT) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...TAGS), tie("nodes")).map(([tag, inner]) => `<${tag}>${inner}</${tag}>`) },
    { weight: 1, arbitrary: token },
  ),
  nodes: fc.array(tie("node"), { maxLength: 5 }).map((parts) => parts.join("")),
})).nodes;

const SAFE_TEXT = ["x", "Berlin (dpa) - ", " ", "\n", "\t", "\f", "\v", "\u2028", "\ud800", "=", "/", "&amp;", "&lt;", "&gt;", '"', "'", "Grüße", "\u00a0", "\u{1F600}", "<br />", "<hr />"];
/** Well-nested attribute-free markup with escaped text: canonical unless the parser would close a tag itself. */
const nearlyCanonical: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...SAFE_TEXT) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...TAGS.slice(0, 30)), tie("nodes")).map(([tag, inner]) => `<${tag}>${inner}</${tag}>`) },
  ),
  nodes: fc.array(tie("node"), { maxLength: 4 }).map((parts) => parts.join("")),
})).nodes;

describe("isCanonicalHtml", () => {
  it("holds only for HTML that sanitize-html returns unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(markup, nearlyCanonical), (html) => {
        if (isCanonicalHtml(html)) expect(parseAndSanitize(html)).toBe(html.trim());
      }),
      { numRuns: 5000 },
    );
  });

  it("holds for sanitized output of ordinary copy, and sanitizing stays the same with or without it", () => {
    fc.assert(
      fc.property(markup, (html) => {
        expect(sanitizeWireHtml(html)).toBe(parseAndSanitize(html));
      }),
      { numRuns: 5000 },
    );
    const copy = "<p>Berlin (dpa) - A &amp; B &lt;c&gt; \"q\" it's</p>\n<p><b>Bold</b> and <em>em</em></p><ul><li>one</li><li>two</li></ul><br /><h2>Sub</h2>";
    expect(isCanonicalHtml(copy)).toBe(true);
    expect(sanitizeWireHtml(copy)).toBe(copy);
  });

  it("holds for no XSS vector that has markup, and sanitizing them is unchanged", () => {
    for (const vector of XSS_VECTORS) {
      if (/[<&]/.test(vector.html)) expect(isCanonicalHtml(vector.html)).toBe(false);
      expect(sanitizeWireHtml(vector.html)).toBe(parseAndSanitize(vector.html));
    }
  });

  it("refuses attributes, unescaped text, stray or implied end tags", () => {
    for (const html of ['<p class="x">a</p>', "<p>a > b</p>", "<p>AT&T</p>", "<p>a</b>", "<p>a", "<p><p>a</p></p>", "<li>a<li>b</li></li>", "<p>a<hr /></p>", "<a>x</a>", "<br>", "<P>a</P>", "<p>a\r\nb</p>"]) {
      expect(isCanonicalHtml(html)).toBe(false);
    }
  });
});

describe("isCanonicalHtml is linear", () => {
  it("20x as many short paragraphs take at most ~25x the time (each text run is scanned once)", () => {
    expectLinear("short paragraphs", (n) => "<p>Short paragraph of copy.</p>".repeat(2000 * n), isCanonicalHtml);
  });
});
