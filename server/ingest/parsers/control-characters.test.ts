import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NormalizedStory } from "../../domain/normalized-story";
import { parseDelivery } from "../parse-delivery";
import { restoreTeletype } from "./teletype-restore";
import { moveTrailers } from "./body-trailers";
import { trailerKind } from "../text/sign-offs";
import { unwrapPlainText } from "./wrapped-text";
import { monthDayIn } from "../text/dateline-date";

/** Any control character below U+0020 other than TAB and LF (and DEL). */
// eslint-disable-next-line no-control-regex -- control characters are what must never appear
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Text escaped for XML, control characters as numeric references (the parsers must still drop them). */
// eslint-disable-next-line no-control-regex -- control characters are what is escaped
const xmlText = (text: string) => escapeXml(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One delivery of each format with the generated text in its headline, byline, dateline and body. */
const FORMATS: ReadonlyArray<readonly [string, (head: string, body: string) => Uint8Array]> = [
  ["ninjs", (h, b) => Buffer.from(JSON.stringify({ uri: "urn:p:1", headline: `H${h}`, byline: h, located: h, body_text: `Berlin (dpa) - ${b}`, ednote: h }))],
  ["digitalwires", (h, b) => Buffer.from(JSON.stringify({ urn: "urn:p:2", format: "digitalwires@0.9", headline: `H${h}`, byline: h, dateline: `${h} (dpa) -`, article_html: `<p>${escapeXml(b)}</p>` }))],
  ["nitf", (h, b) => Buffer.from(`<nitf><head><docdata><doc-id id-string="p3"/><ed-msg info="${xmlText(h)}"/></docdata></head><body><body.head><hedline><hl1>H${xmlText(h)}</hl1></hedline><byline>${xmlText(h)}</byline><dateline>${xmlText(h)}</dateline></body.head><body.content><p>${xmlText(b)}</p></body.content></body></nitf>`)],
  ["newsml-g2", (h, b) => Buffer.from(`<newsItem guid="urn:p:4" version="1"><itemMeta><itemClass qcode="ninat:text"/><edNote>${xmlText(h)}</edNote></itemMeta><contentMeta><headline>H${xmlText(h)}</headline><by>${xmlText(h)}</by><dateline>${xmlText(h)}</dateline></contentMeta><contentSet><inlineData>${xmlText(b)}</inlineData></contentSet></newsItem>`)],
  ["newsml-1.2", (h, b) => Buffer.from(`<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>p</ProviderId><DateId>1</DateId><NewsItemId>5</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:p:1:5:1</PublicIdentifier></NewsIdentifier></Identification><NewsComponent><NewsLines><HeadLine>H${xmlText(h)}</HeadLine><ByLine>${xmlText(h)}</ByLine><DateLine>${xmlText(h)}</DateLine></NewsLines><ContentItem><DataContent><p>${xmlText(b)}</p></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`)],
  ["rss", (h, b) => Buffer.from(`<rss version="2.0"><channel><title>T</title><item><guid>urn:p:6</guid><title>H${xmlText(h)}</title><description>${xmlText(b)}</description></item></channel></rss>`)],
  ["atom", (h, b) => Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>urn:p:7</id><title>H${xmlText(h)}</title><updated>2025-01-01T00:00:00Z</updated><content type="text">${xmlText(b)}</content></entry></feed>`)],
  ["iptc7901", (h, b) => Buffer.from(`\x01bdt0001 3 pl 10  dpa 0001\r\n\r\nHafen/\r\n\x02H${h} =\r\n\r\nHamburg (dpa) - ${b}\r\n\x03151200 Jan 25\r\n\x04`, "latin1")],
  ["anpa", (h, b) => Buffer.from(`\x16\x16\x01a0123\x1fasian\r\nr i \x13\x11 Key 0456 04-07 0312\r\n\x02^BC-Key,0312<\r\n^H${h}<\r\n\t   ${b}\r\n\x03AP-WF-04-07-14 1832GMT<\r\n\x04`, "latin1")],
  ["plain", (h, b) => Buffer.from(`Harbour news headline ${h}\n\nPORTVILLE (AP) - ${b} The harbour opened on Monday.\n`, "latin1")],
];

function textFields(story: NormalizedStory): string[] {
  const { dateline } = story;
  return [
    story.guid, story.headline, story.subheadline, story.slugline, story.byline, story.agency, story.language, story.abstract,
    story.bodyHtml, story.bodyText, story.editorNote, story.versionCreated, story.firstCreated, story.embargoUntil,
    dateline.text, dateline.place, dateline.date, dateline.source, ...story.signals, ...story.categories, ...story.keywords, ...story.supersedes,
  ].filter((value): value is string => typeof value === "string");
}

const withControls = fc.string({ unit: fc.oneof(fc.constantFrom("\x00", "\x01", "\x02", "\x03", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\x7f", "\t", "\n"), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 });

describe("no control character ever reaches a normalized story", () => {
  for (const [format, build] of FORMATS) {
    it(`${format}: every text field is free of C0 controls (other than TAB and LF) and DEL`, () => {
      fc.assert(
        fc.property(withControls, withControls, (head, body) => {
          const outcome = parseDelivery(new Uint8Array(build(head, `Text ${body} end.`)), { format: format as never });
          if (!outcome.ok) return; // refused with a reason is fine; what is accepted must be clean
          for (const story of outcome.value.stories) for (const value of textFields(story)) expect(value).not.toMatch(CONTROL);
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe("the new text helpers are linear", () => {
  /** Time of `run` on input scaled ×1 and ×20; a linear helper takes about 20 times as long, never ~400. */
  function ratio(build: (scale: number) => string, run: (input: string) => unknown): number {
    // The fastest of five runs: a shared machine's pauses land on single runs, not on all five.
    const time = (input: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        run(input);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const small = build(1);
    const large = build(20);
    time(small);
    return time(large) / Math.max(time(small), 1);
  }

  it("teletype restoration, trailers, sign-offs, unwrapping and dateline dates", () => {
    const line = "Die Hafenverwaltung sprach von einem Rekord fuer den Monat und mehr\n";
    const cases: ReadonlyArray<readonly [(n: number) => string, (input: string) => unknown]> = [
      [(n) => `noise\neca062 2 wi 211 ccccb   dpa 061\n\nA/B/\nTitel =\n\n${line.repeat(400 * n)}101137 Dez 24\n`, (s) => restoreTeletype(new Uint8Array(Buffer.from(s, "latin1")))],
      [(n) => `${"?".repeat(2000 * n)}\n${" ".repeat(2000 * n)}x`, (s) => restoreTeletype(new Uint8Array(Buffer.from(s, "latin1")))],
      [(n) => "<p>Text.</p>".repeat(300 * n) + "<p>asl/tib</p>".repeat(10), (s) => moveTrailers(s)],
      [(n) => `<p>${"(SDA/".repeat(200 * n)}</p>`, (s) => moveTrailers(s)],
      [(n) => "-".repeat(100 * n) + "x", (s) => trailerKind(s)],
      [(n) => `${"word ".repeat(13)}\n`.repeat(300 * n), (s) => unwrapPlainText(s)],
      [(n) => `${"1 ene, ".repeat(20 * n)}(EFE)`, (s) => monthDayIn(s)],
    ];
    // Linear: about 20; quadratic: about 400.
    for (const [build, run] of cases) expect(ratio(build, run)).toBeLessThan(120);
  });
});
