/**
 * Adversarial body shapes for the linear-time tests: each builder takes a scale and returns markup
 * whose size grows in proportion to it. The shapes are the ones that make naive text code quadratic:
 * many short paragraphs, one very long paragraph, many entities, deep lists, many attributes and
 * many small inline elements.
 */

const WORDS = "Die Hafenverwaltung sprach am Montag von einem Rekord für den Monat und mehr";

/** `n` units of a body shape, as XHTML that is also well-formed XML (numeric and predefined entities only). */
export type BodyShape = (n: number) => string;

/** The shapes every HTML-carrying format is tested with, by name. */
export const BODY_SHAPES: Readonly<Record<string, BodyShape>> = {
  "many short paragraphs": (n) => "<p>Short paragraph of copy.</p>".repeat(400 * n),
  "one long paragraph": (n) => `<p>${`${WORDS} `.repeat(150 * n)}</p>`,
  "many entities": (n) => `<p>${"AT&amp;T &#8220;quoted&#8221; &lt;x&gt; &#xE9;t&#233; ".repeat(200 * n)}</p>`,
  // Nesting depth stays within the XML depth limit; the number of nested lists grows.
  "deep lists": (n) => nestedList(40).repeat(4 * n),
  "many attributes": (n) => `<p>${'<span class="a" id="b" lang="de" title="t" data-x="1" style="color:red">w</span> '.repeat(100 * n)}</p>`,
  "many small elements": (n) => `<p>${"<b>a</b><i>b</i><em>c</em> ".repeat(300 * n)}</p>`,
};

/** A list nested `depth` deep with a couple of items at every level. */
function nestedList(depth: number): string {
  let html = "<li>leaf</li>";
  for (let level = 0; level < depth; level++) html = `<li>item ${level}</li><li><ul>${html}</ul></li>`;
  return `<ul>${html}</ul>`;
}

/** One long paragraph of plain text (`n` units). */
export function longText(n: number): string {
  return `${WORDS} `.repeat(150 * n);
}

/** Many short plain paragraphs separated by blank lines (`n` units). */
export function manyParagraphsText(n: number): string {
  return `${WORDS}.\n\n`.repeat(60 * n);
}

/** Plain text hard-wrapped at 69 columns (`n` units), as teletype and e-mail copy arrives. */
export function wrappedText(n: number): string {
  return "Die Hafenverwaltung sprach am Montag von einem Rekord fuer den Monat\n".repeat(100 * n);
}

/** A piece of text for JSON and XML with every kind of character the parsers must escape. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const bytes = (text: string, encoding: BufferEncoding = "utf8") => new Uint8Array(Buffer.from(text, encoding));

/** A delivery of each HTML-carrying format around an XHTML body fragment. */
export const HTML_FORMATS: Readonly<Record<string, (body: string) => Uint8Array>> = {
  nitf: (body) => bytes(`<nitf><head><title>T</title><docdata><doc-id id-string="lin-1"/></docdata></head><body><body.head><hedline><hl1>Harbour record</hl1></hedline></body.head><body.content>${body}</body.content></body></nitf>`),
  "newsml-g2": (body) => bytes(`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:lin:2" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Harbour record</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html></inlineXML></contentSet></newsItem>`),
  "newsml-1.2 (NITF)": (body) => bytes(`<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>p</ProviderId><DateId>1</DateId><NewsItemId>3</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:p:1:3:1</PublicIdentifier></NewsIdentifier></Identification><NewsComponent><NewsLines><HeadLine>Harbour record</HeadLine></NewsLines><ContentItem><MediaType FormalName="Text"/><DataContent><nitf><body><body.content>${body}</body.content></body></nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`),
  "newsml-1.2 (XHTML)": (body) => bytes(`<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>p</ProviderId><DateId>1</DateId><NewsItemId>4</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:p:1:4:1</PublicIdentifier></NewsIdentifier></Identification><NewsComponent><NewsLines><HeadLine>Harbour record</HeadLine></NewsLines><ContentItem><MediaType FormalName="Text"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`),
  ninjs: (body) => bytes(JSON.stringify({ uri: "urn:lin:5", headline: "Harbour record", body_html: body })),
  digitalwires: (body) => bytes(JSON.stringify({ urn: "urn:lin:6", format: "digitalwires@0.9", headline: "Harbour record", article_html: `<section class="main">${body}</section>` })),
  "rss (escaped)": (body) => bytes(`<rss version="2.0"><channel><title>T</title><item><guid>urn:lin:7</guid><title>Harbour record</title><description>${escapeXml(body)}</description></item></channel></rss>`),
  "atom (xhtml)": (body) => bytes(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>urn:lin:8</id><title>Harbour record</title><updated>2025-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${body}</div></content></entry></feed>`),
};

/** A delivery of each text-carrying format around plain text. */
export const TEXT_FORMATS: Readonly<Record<string, (text: string) => Uint8Array>> = {
  anpa: (text) => bytes(`\x16\x16\x01a0123\x1fasian\r\nr i \x13\x11 Key 0456 04-07 0312\r\n\x02^BC-Key,0312<\r\n^Harbour record<\r\n\t   ${text.replace(/\n/g, "\r\n\t   ")}\r\n\x03AP-WF-04-07-14 1832GMT<\r\n\x04`, "latin1"),
  iptc7901: (text) => bytes(`\x01bdt0001 3 pl 10  dpa 0001\r\n\r\nHafen/\r\n\x02Harbour record =\r\n\r\nHamburg (dpa) - ${text.replace(/\n/g, "\r\n")}\r\n\x03151200 Jan 25\r\n\x04`, "latin1"),
  "iptc7901 (controls stripped)": (text) => bytes(`bdt0001 3 pl 10  dpa 0001\r\n\r\nHafen/\r\nHarbour record =\r\n\r\nHamburg (dpa) - ${text.replace(/\n/g, "\r\n")}\r\n151200 Jan 25\r\n`, "latin1"),
  plain: (text) => bytes(`Harbour record on Monday\n\nPORTVILLE (AP) - ${text}\n`),
  ninjs: (text) => bytes(JSON.stringify({ uri: "urn:lin:9", headline: "Harbour record", body_text: text })),
  "newsml-g2 (inlineData)": (text) => bytes(`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:lin:10" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Harbour record</headline></contentMeta><contentSet><inlineData contenttype="text/plain">${escapeXml(text)}</inlineData></contentSet></newsItem>`),
  "atom (text)": (text) => bytes(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>urn:lin:11</id><title>Harbour record</title><updated>2025-01-01T00:00:00Z</updated><content type="text">${escapeXml(text)}</content></entry></feed>`),
};

/** The plain-text shapes, by name. */
export const TEXT_SHAPES: Readonly<Record<string, (n: number) => string>> = {
  "one long paragraph": longText,
  "many short paragraphs": manyParagraphsText,
  "hard-wrapped lines": wrappedText,
};
