import fc from "fast-check";
import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { XSS_VECTORS } from "../../../e2e/fixtures/xss-vectors";
import { listSamples, readSample } from "../parsers/testing/samples";
import { sanitizeWireHtml } from "./sanitize";
import { cleanText, countWords, htmlToText } from "./plain-text";
import { simpleHtmlText } from "./html-text";
import { collapseWhiteSpace, singleSpaced, textParagraphs } from "./white-space";

/** htmlToText as it was written first: sanitize-html for every input, regexes for the paragraphs. */
function referenceHtmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|div|li|h[1-6]|blockquote|tr|table|pre)>|<br\s*\/?>/gi, (m) => `${m}\n\n`).replace(/<\/t[dh]>/gi, (m) => `${m} `);
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;/g, "'")
    .replace(/&amp;/g, "&")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0)
    .join("\n\n");
}

const SPACES = [" ", "\t", "\n", "\n\n", "\r\n", " \n \n ", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u200b", "\v", "\f"];
const WORDS = ["Berlin", "(dpa)", "-", "it's", "U.S.", "3.5", "so-called", "’", "Grüße", "日本", "١٢", "\u{1F600}", "x", ".", "'", "\ud800"];
const ENTITIES = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#39;", "&#039;", "&#x27;", "&#160;", "&#0;", "&#128;", "&#150;", "&#xD800;", "&#8217;", "&#x1F600;", "&#99999999;", "&copy;", "&amp", "&", "& ", "&#", "&#x;", "&notanentity;", "&amp;lt;", "&amp;nbsp;"];
const TAGS = [
  "<p>", "</p>", "<P>", "</P>", "<br>", "<br/>", "<br />", "<BR>", "<br class=\"x\">", "</br>", "<b>", "</b>", "<div>", "</div>", "<li>", "</li>", "<h1>", "</h1>", "<h2>", "</h2>",
  "<blockquote>", "</blockquote>", "<tr>", "</tr>", "<td colspan=\"2\">", "</td>", "<table>", "</table>", "<pre>", "</pre>", "<span>", "</span>", "</p >", "<p >",
  "<a href=\"http://x/?a=1&amp;b=2\" title='t\"'>", "<a href=\"x\" title=\"a>b\">", "</a>", "<a href=x>", "<a title>", "<img src=x onerror=alert(1)>", "<script>var a='<p>';</script>",
  "<style>p{}</style>", "<textarea><p>t</p></textarea>", "<option>o</option>", "<title>t</title>", "<xmp><p>x</p></xmp>", "<svg><p>x</p></svg>", "<noscript><p>n</p></noscript>",
  "<!-- c -->", "<!-->", "<![CDATA[x]]>", "<?php x ?>", "<!DOCTYPE html>", "< p>", "<1>", "<", ">", "</", "<p\n>", "<p/>", "\u0000", "<unknown>", "</unknown>",
];
const html = fc.array(fc.constantFrom(...SPACES, ...WORDS, ...ENTITIES, ...TAGS), { maxLength: 60 }).map((parts) => parts.join(""));
const looseText = fc.array(fc.oneof(fc.constantFrom(...SPACES, ...WORDS, ...ENTITIES), fc.string({ unit: "grapheme", maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(""));

/** Bodies from the shared agency samples: every HTML-looking string value of the JSON samples. */
function sampleBodies(): string[] {
  const bodies: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string" && /<\w/.test(value)) bodies.push(value);
    else if (value && typeof value === "object") for (const inner of Object.values(value)) collect(inner);
  };
  for (const path of listSamples().filter((file) => file.endsWith(".json"))) {
    try {
      collect(JSON.parse(new TextDecoder().decode(readSample(path))));
    } catch {
      // a should_fail sample that is not JSON at all
    }
  }
  return bodies;
}

describe("htmlToText", () => {
  it("keeps table cells separate words and rows separate paragraphs, so results tables stay searchable", () => {
    const table = "<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Bayern</td><td>34</td></tr><tr><td>Dortmund</td><td>31</td></tr></table>";
    expect(htmlToText(table)).toBe("Team Pts\n\nBayern 34\n\nDortmund 31");
    // A comment sends the table through sanitize-html instead of the fast path: the same text.
    expect(htmlToText(table.replace("Bayern", "Bay<!-- note -->ern"))).toBe("Team Pts\n\nBayern 34\n\nDortmund 31");
    expect(countWords(htmlToText(table))).toBe(6);
  });

  it("gives what sanitize-html gives, for any HTML", () => {
    fc.assert(
      fc.property(html, (input) => {
        expect(htmlToText(input)).toBe(referenceHtmlToText(input));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads sanitized HTML on the fast path, with the same text", () => {
    fc.assert(
      fc.property(html, (input) => {
        const sanitized = sanitizeWireHtml(input);
        if (!sanitized.includes("\u0000")) expect(simpleHtmlText(sanitized)).not.toBeNull();
        expect(htmlToText(sanitized)).toBe(referenceHtmlToText(sanitized));
      }),
      { numRuns: 3000 },
    );
  });

  it("matches on the XSS vectors and the agency samples, raw and sanitized", () => {
    const inputs = [...XSS_VECTORS.map((vector) => vector.html), ...sampleBodies()];
    expect(inputs.length).toBeGreaterThan(100);
    for (const input of inputs) {
      expect(htmlToText(input)).toBe(referenceHtmlToText(input));
      const sanitized = sanitizeWireHtml(input);
      expect(htmlToText(sanitized)).toBe(referenceHtmlToText(sanitized));
      expect(simpleHtmlText(sanitized)).not.toBeNull();
    }
  });

  it("breaks paragraphs at block ends and decodes entities", () => {
    expect(htmlToText("<p>A &amp; B</p><p>C&#39;s&nbsp;D<br/>E</p>")).toBe("A & B\n\nC's D\n\nE");
    expect(simpleHtmlText("<p>x</p><script>y</script>")).toBeNull();
  });
});

describe("white space and word helpers", () => {
  const CJK = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc]";
  // eslint-disable-next-line no-misleading-character-class -- ZWNJ/ZWJ are listed on purpose, each on its own
  const WORD_REFERENCE = new RegExp(`${CJK}|(?:(?!${CJK})[\\p{L}\\p{N}])(?:(?!${CJK})[\\p{L}\\p{N}\\p{M}\\u200c\\u200d'’.-])*`, "gu");
  // Thai, Lao, Khmer and Myanmar runs are counted by the word segmenter, and end any word before them.
  const UNSPACED = "[\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}]";
  const UNSPACED_RUN = new RegExp(`${UNSPACED}(?:${UNSPACED}|[\\p{M}\\u200b-\\u200d])*`, "gu");
  const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
  const referenceWords = (text: string) => {
    let count = 0;
    const rest = text.replace(UNSPACED_RUN, (run) => {
      count += [...segmenter.segment(run)].filter((segment) => segment.isWordLike).length;
      return " ";
    });
    return count + (rest.match(WORD_REFERENCE)?.length ?? 0);
  };

  it("collapse, split and count like the regexes they replace", () => {
    fc.assert(
      fc.property(looseText, (text) => {
        expect(singleSpaced(text)).toBe(text.replace(/\s+/g, " "));
        expect(collapseWhiteSpace(text)).toBe(text.replace(/\s+/g, " ").trim());
        expect(cleanText(text)).toBe(text.replace(/\s+/g, " ").trim() || null);
        const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p.length > 0);
        expect(textParagraphs(text)).toBe(paragraphs.join("\n\n"));
        // A Chinese or Japanese character is a word of its own; marks and ZWNJ/ZWJ continue a word.
        expect(countWords(text)).toBe(referenceWords(text));
      }),
      { numRuns: 5000 },
    );
  });
});
