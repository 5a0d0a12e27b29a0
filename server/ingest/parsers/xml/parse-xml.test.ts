import { describe, expect, it } from "vitest";
import { WireParseError } from "../parse-result";
import { decodeXmlEntities, MAX_XML_DEPTH, parseXml, parseXmlBytes } from "./parse-xml";
import { innerHtml } from "./html";
import { attr, child, childText, descendants, textOf } from "./walk";

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE nitf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>`;

function refusal(run: () => unknown): WireParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof WireParseError) return error;
    throw error;
  }
  throw new Error("expected a WireParseError");
}

describe("parseXml security", () => {
  it("refuses a billion-laughs document with dtd_refused, immediately", () => {
    const started = performance.now();
    const error = refusal(() => parseXml(BILLION_LAUGHS, "nitf"));
    expect(error.code).toBe("dtd_refused");
    expect(error.format).toBe("nitf");
    expect(error.message).toMatch(/ENTITY/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("refuses an external entity (SYSTEM file:///etc/passwd) and never reads the file", () => {
    const started = performance.now();
    const error = refusal(() => parseXml(EXTERNAL_ENTITY));
    expect(error.code).toBe("dtd_refused");
    expect(error.message).not.toMatch(/root:/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("ignores a parameter entity (never fetched or expanded); refuses a PUBLIC external general entity", () => {
    expect(parseXml(`<!DOCTYPE a [<!ENTITY % p SYSTEM "http://evil/x.dtd"> %p;]><a>&e;</a>`).children).toEqual(["&e;"]);
    expect(parseXml(`<!DOCTYPE a [<!ENTITY  %  p SYSTEM "x.dtd">]><a/>`).name).toBe("a");
    expect(refusal(() => parseXml(`<!DOCTYPE a [<!ENTITY e PUBLIC "-//X//EN" "http://evil/e">]><a>&e;</a>`)).code).toBe("dtd_refused");
  });

  it("accepts a plain DOCTYPE with a public identifier (ignored, never fetched)", () => {
    const root = parseXml(`<?xml version="1.0"?>\n<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "http://www.nitf.org/nitf-3-6.dtd">\n<nitf><head/></nitf>`);
    expect(root.name).toBe("nitf");
  });

  it("never expands undeclared entities; decodes the five XML entities and numeric references", () => {
    const root = parseXml(`<p a="&amp;#65; &#x41;">&lt;b&gt; &amp; &quot;&apos; &#8211; &#x2014; &nbsp; &foo; &amp;lt;</p>`);
    expect(textOf(root)).toBe(`<b> & "' – — &nbsp; &foo; &lt;`);
    expect(attr(root, "a")).toBe("&#65; A");
    expect(decodeXmlEntities("&#0; &#xD800; &#99999999;")).toBe("\uFFFD \uFFFD \uFFFD");
  });

  it(`refuses nesting deeper than ${MAX_XML_DEPTH} with too_deep`, () => {
    const deep = "<a>".repeat(MAX_XML_DEPTH + 50) + "</a>".repeat(MAX_XML_DEPTH + 50);
    expect(refusal(() => parseXml(deep)).code).toBe("too_deep");
    const fine = "<a>".repeat(50) + "x" + "</a>".repeat(50);
    expect(textOf(parseXml(fine))).toBe("x");
  });

  it("reports malformed XML with the parser's line and column", () => {
    const error = refusal(() => parseXml("<nitf>\n  <body>\n</nitf>"));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/line 3/);
    expect(refusal(() => parseXml("")).code).toBe("malformed");
    expect(refusal(() => parseXml("just text")).code).toBe("malformed");
    expect(refusal(() => parseXml("<a/><b/>")).message).toMatch(/2 root elements/);
  });
});

describe("parseXml tree helpers", () => {
  const doc = parseXml(
    `<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/" xml:lang="de" guid="urn:x"><g2:contentMeta><g2:headline> Hello
      world </g2:headline></g2:contentMeta><body><p>A <b>bold</b> &amp; <a href="http://x/?a=1&amp;b=2">link</a><br/>end</p><![CDATA[<raw>]]></body></g2:newsItem>`,
  );

  it("matches elements and attributes by local name", () => {
    expect(doc.name).toBe("newsItem");
    expect(attr(doc, "lang")).toBe("de");
    expect(attr(doc, "GUID")).toBe("urn:x");
    expect(childText(doc, "contentMeta", "headline")).toBe("Hello world");
    expect(descendants(doc, "p")).toHaveLength(1);
  });

  it("serializes mixed content back to HTML (inline markup kept, text escaped)", () => {
    const body = child(doc, "body");
    expect(body && innerHtml(body)).toBe(`<p>A <b>bold</b> &amp; <a href="http://x/?a=1&amp;b=2">link</a><br/>end</p>&lt;raw&gt;`);
  });

  it("decodes bytes by the declared charset, and UTF-8 bytes as UTF-8 whatever is declared", () => {
    const latin1 = new Uint8Array(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><p>Grüße</p>`, "latin1"));
    expect(textOf(parseXmlBytes(latin1))).toBe("Grüße");
    const mislabelled = new TextEncoder().encode(`<?xml version="1.0" encoding="iso-8859-1"?><p>Grüße – ok</p>`);
    expect(textOf(parseXmlBytes(mislabelled))).toBe("Grüße – ok");
  });
});

describe("parseXml leniency and tree shape", () => {
  const parse = (xml: string) => parseXml(xml);

  it("keeps attribute values as written: bare `&`, `<`, tabs and line breaks, entities decoded", () => {
    const root = parse(`<a href="http://x/?a=1&b=2&amp;c" title="1 < 2\tand\r\nmore" alt="&;"/>`);
    expect(root.attrs).toEqual({ href: "http://x/?a=1&b=2&c", title: "1 < 2\tand\nmore", alt: "&;" });
  });

  it("names attributes by local name and drops namespace declarations", () => {
    const root = parse(`<g2:item xmlns="urn:d" xmlns:g2="urn:g2" xml:lang="de" g2:x="1" a:b:c="2"><g2:p/></g2:item>`);
    expect(root.name).toBe("item");
    expect(root.attrs).toEqual({ lang: "de", x: "1", "a:b:c": "2" });
    expect(root.children).toEqual([{ name: "p", attrs: {}, children: [] }]);
  });

  it("lets control characters and `]]>` through in text", () => {
    expect(textOf(parse("<p>a\u000bb ]]> c\u0001</p>"))).toBe("a\u000bb ]]> c\u0001");
  });

  it("reads text around a comment as one run, and splits runs at CDATA and processing instructions", () => {
    expect(parse("<p>a<!-- x -- y --->b<![CDATA[&amp;<c>]]>d<?pi x?>e</p>").children).toEqual(["ab", "&<c>", "d", "e"]);
    expect(parse("<p><![CDATA[]]></p>").children).toEqual([""]);
  });

  it("skips the XML declaration and DOCTYPE of a document pasted inside another, but not a second DOCTYPE", () => {
    expect(parse(`<?xml version="1.0"?><a>x<?xml version="1.0" encoding="UTF-8"?>y<!DOCTYPE b>z</a>`).children).toEqual(["x", "yz"]);
    expect(refusal(() => parse("<!DOCTYPE a><a><!DOCTYPE b></a>")).code).toBe("malformed");
    expect(refusal(() => parse(`\n<?xml version="1.0"?><a/>`)).code).toBe("malformed");
  });

  it("refuses malformed references in text, keeps unknown ones as written", () => {
    expect(refusal(() => parse("<p>AT&T rocks</p>")).code).toBe("malformed");
    expect(refusal(() => parse("<p>&;</p>")).code).toBe("malformed");
    expect(textOf(parse("<p>&#; &#x; &nbsp; &a1_b;</p>"))).toBe("&#; &#x; &nbsp; &a1_b;");
  });

  it("nests self-closing elements below the depth limit", () => {
    const open = "<a>".repeat(MAX_XML_DEPTH + 1);
    const close = "</a>".repeat(MAX_XML_DEPTH + 1);
    expect(() => parse(`${open}<b/>${close}`)).not.toThrow();
    expect(refusal(() => parse(`${open}<b></b>${close}`)).code).toBe("too_deep");
    expect(refusal(() => parse(`${open}<b></b>${close}<`)).code).toBe("malformed");
  });

  it("refuses names that would reach object internals", () => {
    expect(refusal(() => parse("<a><constructor/></a>")).code).toBe("malformed");
    expect(refusal(() => parse(`<a __proto__="x"/>`)).code).toBe("malformed");
    expect(parse(`<a toString="x"/>`).attrs).toEqual({ __toString: "x" });
  });
});
