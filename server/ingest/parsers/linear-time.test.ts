import { describe, expect, it } from "vitest";
import { htmlToBodyJson } from "../../collab/body-json";
import { diffWords } from "../../stories/version-diff";
import { expectLinear } from "../../testing/linear-time";
import { parseDelivery } from "../parse-delivery";
import { isCanonicalHtml } from "../text/canonical-html";
import { parseDateline, stripRepeatedDateline } from "../text/dateline";
import { decodeBytes } from "../text/encoding";
import { cleanText, countWords, htmlToText } from "../text/plain-text";
import { escapeHtml, paragraphsToHtml, parseAndSanitize, sanitizeWireHtml } from "../text/sanitize";
import { collapseWhiteSpace, textParagraphs } from "../text/white-space";
import { moveTrailers } from "./body-trailers";
import { sniffFormat } from "./detect";
import { hasEscapedMarkup, unescapeOnce } from "./escaped-html";
import { stripControls } from "./story-finalize";
import { BODY_SHAPES, HTML_FORMATS, TEXT_FORMATS, TEXT_SHAPES } from "./testing/adversarial-bodies";
import { unwrapPlainText } from "./wrapped-text";
import { parseXml } from "./xml/parse-xml";

/**
 * Every parser and text helper is linear in its input: 20x the input takes at most 100x the time
 * (linear is ~20x, quadratic ~400x; see expectLinear). Each runs on the shapes that make text code
 * quadratic: many short paragraphs, one long paragraph, many entities, deep lists, many attributes,
 * many small elements, long lines and deep nesting.
 */

// Generous: on a loaded machine one group of cases can take minutes of wall-clock time.
const TIMEOUT = 600_000;

/** Parses with the format forced and no size limit, and insists on a story (a refusal would time nothing). */
function parser(format: string): (bytes: Uint8Array) => void {
  return (bytes) => {
    const outcome = parseDelivery(bytes, { format: format.split(" ")[0] as never, maxBytes: Number.MAX_SAFE_INTEGER });
    if (!outcome.ok) throw new Error(`${format}: ${outcome.error.message}`);
  };
}

const NAMED_ENTITIES = (n: number) => `<p>${"caf&eacute; &amp; &nbsp;&mdash; &#8220;x&#8221; &hellip; &copy; ".repeat(200 * n)}</p>`;
const MANY_ATTRIBUTES_ONE_ELEMENT = (n: number) => `<p ${Array.from({ length: 200 * n }, (_, i) => `a${i}="v${i}"`).join(" ")}>text</p>`;
const UNCLOSED = (n: number) => "<p>para <b>bold <i>italic".repeat(200 * n);
/** Nested deeper as it grows (htmlparser2's open-element stack; see capHtmlNesting). */
const DEEP_NESTING = (n: number) => `${"<div><b>".repeat(500 * n)}text`;

describe("every format parser is linear in the size of the delivery", () => {
  for (const [format, wrap] of Object.entries(HTML_FORMATS)) {
    it(`${format}: short paragraphs, a long paragraph, entities, deep lists, attributes, small elements`, () => {
      for (const [shape, body] of Object.entries(BODY_SHAPES)) expectLinear(`${format} / ${shape}`, (n) => wrap(body(n)), parser(format));
      expectLinear(`${format} / many attributes on one element`, (n) => wrap(MANY_ATTRIBUTES_ONE_ELEMENT(n)), parser(format));
    }, TIMEOUT);
  }

  for (const [format, wrap] of Object.entries(TEXT_FORMATS)) {
    it(`${format}: a long paragraph, short paragraphs, hard-wrapped lines`, () => {
      for (const [shape, text] of Object.entries(TEXT_SHAPES)) expectLinear(`${format} / ${shape}`, (n) => wrap(text(n)), parser(format));
    }, TIMEOUT);
  }

  it("formats that carry HTML in a string: unclosed and named-entity HTML", () => {
    for (const format of ["ninjs", "digitalwires", "rss (escaped)"]) {
      const wrap = HTML_FORMATS[format]!;
      expectLinear(`${format} / unclosed elements`, (n) => wrap(UNCLOSED(n)), parser(format));
      expectLinear(`${format} / named entities`, (n) => wrap(NAMED_ENTITIES(n)), parser(format));
      expectLinear(`${format} / nesting that deepens with the size`, (n) => wrap(DEEP_NESTING(n)), parser(format));
    }
  }, TIMEOUT);

  it("teletype messages with long runs of blank lines and trailer lines", () => {
    const blankLines = (n: number) => Buffer.from(`\x01bdt0001 3 pl 10  dpa 0001\r\n\r\nHafen/\r\n\x02${"\r\n".repeat(2000 * n)}Harbour record =\r\n\r\nHamburg (dpa) - Text.\r\n\x03151200 Jan 25\r\n\x04`, "latin1");
    expectLinear("iptc7901 / blank lines before the headline", (n) => new Uint8Array(blankLines(n)), parser("iptc7901"));
    expectLinear("moveTrailers / many trailer lines", (n) => `<p>Text of the story.<br />${"END<br />".repeat(500 * n)}END</p>`, moveTrailers);
  }, TIMEOUT);

  it("format detection and the XML reader", () => {
    expectLinear("sniffFormat / XML", (n) => HTML_FORMATS.nitf!(BODY_SHAPES["many short paragraphs"]!(n)), sniffFormat);
    expectLinear("sniffFormat / teletype", (n) => TEXT_FORMATS.iptc7901!(TEXT_SHAPES["hard-wrapped lines"]!(n)), sniffFormat);
    expectLinear("parseXml / comments and CDATA", (n) => `<r>${"<!-- c --><![CDATA[a < b]]><x/>".repeat(300 * n)}</r>`, (s) => parseXml(s));
  }, TIMEOUT);
});

describe("every text helper is linear in its input", () => {
  const htmlShapes = {
    ...BODY_SHAPES,
    "named entities": NAMED_ENTITIES,
    "unclosed elements": UNCLOSED,
    "many attributes on one element": MANY_ATTRIBUTES_ONE_ELEMENT,
    "nesting that deepens with the size": DEEP_NESTING,
  };
  const htmlHelpers: Readonly<Record<string, (html: string) => unknown>> = {
    sanitizeWireHtml,
    parseAndSanitize,
    isCanonicalHtml,
    moveTrailers,
    hasEscapedMarkup,
    unescapeOnce,
    htmlToText,
    htmlToBodyJson,
  };
  for (const [name, helper] of Object.entries(htmlHelpers)) {
    it(`${name} on every HTML shape`, () => {
      for (const [shape, build] of Object.entries(htmlShapes)) expectLinear(`${name} / ${shape}`, build, helper);
    }, TIMEOUT);
  }

  it("sanitizer output read back (the canonical fast paths)", () => {
    for (const [shape, build] of Object.entries(BODY_SHAPES)) {
      expectLinear(`sanitizeWireHtml(sanitized) / ${shape}`, (n) => parseAndSanitize(build(n)), sanitizeWireHtml);
      expectLinear(`htmlToText(sanitized) / ${shape}`, (n) => parseAndSanitize(build(n)), htmlToText);
    }
  }, TIMEOUT);

  it("counters, white space, escaping and controls", () => {
    const texts: Readonly<Record<string, (n: number) => string>> = {
      ...TEXT_SHAPES,
      Arabic: (n) => "قالت هيئة الميناء يوم الاثنين إن الشهر سجل رقما قياسيا. ".repeat(150 * n),
      Chinese: (n) => "港口管理局周一表示，本月创下了纪录。".repeat(300 * n),
      Thai: (n) => "การท่าเรือแถลงเมื่อวันจันทร์ว่าเดือนนี้ทำสถิติใหม่ ".repeat(150 * n),
    };
    const helpers: Readonly<Record<string, (text: string) => unknown>> = {
      countWords,
      collapseWhiteSpace,
      textParagraphs,
      cleanText,
      escapeHtml,
      stripControls,
      unwrapPlainText,
      paragraphs: (text) => paragraphsToHtml(text.split("\n\n")),
    };
    for (const [name, helper] of Object.entries(helpers)) for (const [shape, build] of Object.entries(texts)) expectLinear(`${name} / ${shape}`, build, helper);
  }, TIMEOUT);

  it("datelines, decoding and the version diff", () => {
    expectLinear("parseDateline / long first paragraph", (n) => `BERLIN, 10. Dezember (dpa) - ${"Wort ".repeat(400 * n)}`, parseDateline);
    expectLinear("parseDateline / no dateline, many dashes", (n) => `${"Rome - ".repeat(300 * n)}end`, parseDateline);
    expectLinear("parseDateline / many commas", (n) => `${"Paris, ".repeat(300 * n)}(AFP) -`, parseDateline);
    expectLinear("stripRepeatedDateline", (n) => `BERLIN (dpa) - ${"Wort ".repeat(400 * n)}`, (s) => stripRepeatedDateline(s, "BERLIN (dpa) -"));
    expectLinear("decodeBytes / Latin-1", (n) => Buffer.from("Grüße aus Köln. ".repeat(500 * n), "latin1"), (b) => decodeBytes(b, "iso-8859-1"));
    expectLinear("decodeBytes / UTF-8", (n) => Buffer.from("Grüße aus Köln. ".repeat(500 * n)), (b) => decodeBytes(b));
    // The diff is bounded (MAX_COMPARED_CHARS): past it, longer texts cost only the common start and end.
    const words = (n: number, word: string) => `${word} `.repeat(200 * n);
    expectLinear("diffWords / common start and end", (n) => [`${words(n, "alt")}mitte ${words(n, "ende")}`, `${words(n, "alt")}neu ${words(n, "ende")}`] as const, ([a, b]) => diffWords(a, b));
    expectLinear("diffWords / everything differs", (n) => [words(n, "alt"), words(n, "neu")] as const, ([a, b]) => diffWords(a, b));
  }, TIMEOUT);
});

describe("the linear-time check can fail", () => {
  it("rejects a quadratic helper (the text so far split again every few hundred characters)", () => {
    const quadratic = (text: string) => {
      let count = 0;
      for (let i = 0; i < text.length; i += 256) count += text.slice(0, i).split("a").length;
      return count;
    };
    expect(() => expectLinear("quadratic", (n) => "abcdefgh".repeat(100 * n), quadratic)).toThrow(/quadratic/);
  }, TIMEOUT);
});
