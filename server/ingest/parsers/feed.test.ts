import { describe, expect, it } from "vitest";
import { parseAtom, parseRss } from "./feed";
import { readSample } from "./testing/samples";

const RSS = "rss/feedparser-conformance/rss/";
const ATOM = "rss/feedparser-conformance/atom10/";

function first(delivery: ReturnType<typeof parseRss>) {
  expect(delivery.stories).toHaveLength(1);
  return delivery.stories[0] as NonNullable<(typeof delivery.stories)[0]>;
}

describe("parseRss — feedparser conformance cases", () => {
  it("item_pubDate: RFC 822 date → ISO, version = seconds since epoch, defaults elsewhere", () => {
    const story = first(parseRss(readSample(`${RSS}item_pubDate.xml`)));
    expect(story.firstCreated).toBe("2004-01-01T19:48:21Z");
    expect(story.versionCreated).toBe("2004-01-01T19:48:21Z");
    expect(story.version).toBe(Date.UTC(2004, 0, 1, 19, 48, 21) / 1000);
    expect(story.headline).toBe("");
    expect(story.slugline).toBeNull();
    expect(story.byline).toBeNull();
    expect(story.dateline).toEqual({ text: null, place: null, date: null, source: null });
    expect(story.urgency).toBe(5);
    expect(story.language).toBeNull();
    expect(story.pubStatus).toBe("usable");
    expect(story.guid).toMatch(/^rss:[0-9a-f]{24}$/);
  });

  it("maps title, guid, link fallback, dc:creator, author, categories, source, dc:date", () => {
    expect(first(parseRss(readSample(`${RSS}item_title.xml`))).headline).toBe("Item 1 title");
    expect(first(parseRss(readSample(`${RSS}item_guid.xml`))).guid).toBe("http://guid.example.com/");
    expect(first(parseRss(readSample(`${RSS}item_link.xml`))).guid).toBe("http://example.com/");
    expect(first(parseRss(readSample(`${RSS}item_dc_creator.xml`))).byline).toBe("Example editor");
    expect(first(parseRss(readSample(`${RSS}item_author.xml`))).byline).toBe("Example editor");
    expect(first(parseRss(readSample(`${RSS}item_category_multiple.xml`))).categories).toEqual(["Example category 1", "Example category 2"]);
    expect(first(parseRss(readSample(`${RSS}item_source.xml`))).agency).toBe("Example source");
    const dated = first(parseRss(readSample(`${RSS}item_dc_date.xml`)));
    expect(dated.versionCreated).toBe("2003-12-31T10:14:55Z");
    expect(dated.version).toBe(Date.UTC(2003, 11, 31, 10, 14, 55) / 1000);
  });

  it("unescapes and sanitizes HTML in content:encoded and description", () => {
    expect(first(parseRss(readSample(`${RSS}item_content_encoded.xml`))).bodyHtml).toBe("<p>Example content</p>");
    const described = first(parseRss(readSample(`${RSS}item_description_escaped_markup.xml`)));
    expect(described.bodyHtml).toBe("<p>Example description</p>");
    expect(described.bodyText).toBe("Example description");
  });

  it("a feed without items is refused with no_story", () => {
    expect(() => parseRss(readSample(`${RSS}rss_version_20.xml`))).toThrow(/no_story|no item/);
    expect(() => parseRss(readSample(`${RSS}channel_lastBuildDate.xml`))).toThrow(expect.objectContaining({ code: "no_story" }));
  });
});

describe("parseRss — agency-shaped feed (Latin-1 bytes, no XML declaration)", () => {
  const feed = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>dpa Nachrichten</title><language>de-DE</language>
<item>
  <title>Grüne &amp; SPD einigen sich</title>
  <guid isPermaLink="false">urn:newsml:dpa.com:20240925:1</guid>
  <pubDate>Wed, 25 Sep 2024 10:37:24 +0200</pubDate>
  <dc:creator>Anna Müller</dc:creator>
  <category>Politik</category><category>Deutschland</category>
  <description>Kurz: Einigung erzielt.</description>
  <content:encoded><![CDATA[<p>BERLIN (dpa) - Die Koalition hat sich geeinigt.<script>alert(1)</script></p><p onclick="x()">Zweiter <b>Absatz</b>.</p>]]></content:encoded>
</item>
<item><title>Nur eine Schlagzeile</title><link>https://example.com/2</link></item>
</channel></rss>`;
  const delivery = parseRss(new Uint8Array(Buffer.from(feed, "latin1")));

  it("maps every field exactly", () => {
    expect(delivery.stories).toHaveLength(2);
    const story = delivery.stories[0];
    expect(story?.guid).toBe("urn:newsml:dpa.com:20240925:1");
    expect(story?.headline).toBe("Grüne & SPD einigen sich");
    expect(story?.slugline).toBeNull();
    expect(story?.byline).toBe("Anna Müller");
    expect(story?.dateline.place).toBe("BERLIN");
    expect(story?.dateline.source).toBe("dpa");
    expect(story?.urgency).toBe(5);
    expect(story?.language).toBe("de-DE");
    expect(story?.version).toBe(Date.UTC(2024, 8, 25, 8, 37, 24) / 1000);
    expect(story?.firstCreated).toBe("2024-09-25T08:37:24Z");
    expect(story?.abstract).toBe("Kurz: Einigung erzielt.");
    expect(story?.agency).toBe("dpa Nachrichten");
    expect(story?.categories).toEqual(["Politik", "Deutschland"]);
  });

  it("sanitizes the body and moves the dateline out of it", () => {
    const story = delivery.stories[0];
    expect(story?.bodyHtml).toBe("<p>Die Koalition hat sich geeinigt.</p><p>Zweiter <b>Absatz</b>.</p>");
  });

  it("keeps a headline-only item as a story", () => {
    const story = delivery.stories[1];
    expect(story?.headline).toBe("Nur eine Schlagzeile");
    expect(story?.guid).toBe("https://example.com/2");
    expect(story?.bodyHtml).toBe("");
    expect(story?.version).toBe(1);
  });
});

describe("parseAtom", () => {
  it("feedparser conformance: id, title, author name, summary", () => {
    expect(first(parseAtom(readSample(`${ATOM}entry_id.xml`))).guid).toBe("http://example.com/");
    const titled = first(parseAtom(readSample(`${ATOM}entry_title.xml`)));
    expect(titled.headline).toBe("Example Atom");
    expect(titled.slugline).toBeNull();
    expect(titled.byline).toBeNull();
    expect(titled.dateline).toEqual({ text: null, place: null, date: null, source: null });
    expect(titled.urgency).toBe(5);
    expect(titled.language).toBeNull();
    expect(titled.version).toBe(1);
    expect(first(parseAtom(readSample(`${ATOM}entry_author_name.xml`))).byline).toBe("Example author");
    expect(first(parseAtom(readSample(`${ATOM}entry_summary.xml`))).bodyText).toBe("Example Atom");
    expect(() => parseAtom(readSample(`${ATOM}feed_title.xml`))).toThrow(expect.objectContaining({ code: "no_story" }));
  });

  it("content type html (escaped), xhtml (inline) and text give the same text", () => {
    const escaped = first(parseAtom(readSample(`${ATOM}entry_content_escaped_markup.xml`)));
    const inline = first(parseAtom(readSample(`${ATOM}entry_content_inline_markup.xml`)));
    const plain = first(parseAtom(readSample(`${ATOM}entry_content_text_plain.xml`)));
    expect(escaped.bodyHtml).toBe("Example <b>Atom</b>");
    expect(inline.bodyHtml).toBe("Example <b>Atom</b>");
    expect(plain.bodyHtml).toBe("<p>Example Atom</p>");
    expect([escaped.bodyText, inline.bodyText, plain.bodyText]).toEqual(["Example Atom", "Example Atom", "Example Atom"]);
  });

  it("maps updated/published, language, author and category of an agency-shaped entry", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><title>Wire</title>
      <entry><id>tag:wire.example,2024:1</id><title type="html">Storm &lt;em&gt;hits&lt;/em&gt; coast</title>
      <updated>2024-10-01T12:00:00+01:00</updated><published>2024-10-01T09:30:00Z</published>
      <author><name>Sam Reporter</name></author><category term="weather"/>
      <summary>Short.</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>LONDON (Reuters) - Winds rose.</p></div></content></entry></feed>`;
    const story = first(parseAtom(new TextEncoder().encode(xml)));
    expect(story.guid).toBe("tag:wire.example,2024:1");
    expect(story.headline).toBe("Storm hits coast");
    expect(story.byline).toBe("Sam Reporter");
    expect(story.language).toBe("en-GB");
    expect(story.versionCreated).toBe("2024-10-01T12:00:00+01:00");
    expect(story.firstCreated).toBe("2024-10-01T09:30:00Z");
    expect(story.version).toBe(Date.UTC(2024, 9, 1, 11, 0, 0) / 1000);
    expect(story.categories).toEqual(["weather"]);
    expect(story.abstract).toBe("Short.");
    expect(story.agency).toBe("Wire");
    expect(story.dateline.place).toBe("LONDON");
    expect(story.dateline.source).toBe("Reuters");
    expect(story.bodyHtml).toBe("<p>Winds rose.</p>");
  });
});
