import { describe, expect, it } from "vitest";
import { nitfBodyHtml, parseNitf } from "./nitf";
import { readSample } from "./testing/samples";
import { parseXml } from "./xml/parse-xml";

const utf8 = (text: string) => new TextEncoder().encode(text);

function story(bytes: Uint8Array) {
  const delivery = parseNitf(bytes);
  expect(delivery.stories).toHaveLength(1);
  expect(delivery.recorded).toEqual([]);
  return delivery.stories[0] as NonNullable<(typeof delivery.stories)[0]>;
}

describe("parseNitf — NTB (un-namespaced, real agency file)", () => {
  const ntb = story(readSample("nitf/NTB_nitf_sample.xml"));

  it("maps the metadata exactly", () => {
    expect(ntb.guid).toBe("NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00");
    expect(ntb.version).toBe(1);
    expect(ntb.headline).toBe("Pandemien herjer på den legeløse indiske landsbygda");
    expect(ntb.slugline).toBe("india-korona-bygd");
    expect(ntb.byline).toBe("NTB-AFP-DPA");
    expect(ntb.dateline).toEqual({ text: "Unnao", place: "Unnao", date: null, source: null });
    expect(ntb.urgency).toBe(5);
    expect(ntb.language).toBe("nb-NO");
    expect(ntb.agency).toBe("NTB");
    expect(ntb.versionCreated).toBe("2021-05-16T09:00:04");
    expect(ntb.editorNote).toBeNull();
    expect(ntb.keywords).toEqual(["india-korona-bygd"]);
  });

  it("keeps paragraphs and subheads, drops the media caption and the tagline", () => {
    expect(ntb.bodyText.startsWith("Koronapandemien herjer også i landsbyer")).toBe(true);
    expect(ntb.bodyHtml).toContain("<h2>- Det skjulte India</h2>");
    expect(ntb.bodyText).not.toContain("Kremasjonsbål");
    expect(ntb.bodyText).not.toContain("ntb.no");
  });
});

describe("parseNitf — IPTC 3.5 sample (namespaced, full docdata)", () => {
  const sample = story(readSample("nitf/iptc-nitf-example-3.5.xml"));

  it("maps docdata: status, idref, urgency, dates, du-key, keywords, ed-msg", () => {
    expect(sample.guid).toBe("iptc.321656141.b");
    expect(sample.version).toBe(1);
    expect(sample.pubStatus).toBe("usable");
    expect(sample.supersedes).toEqual(["iptc.321656141.a"]);
    expect(sample.urgency).toBe(3);
    expect(sample.versionCreated).toBe("2002-02-25T14:30:00-05:00");
    expect(sample.embargoUntil).toBe("2002-02-26T09:30:00-05:00");
    expect(sample.slugline).toBe("ongoing-winter-tide-updates");
    expect(sample.keywords).toEqual(["fishing", "lures", "tides"]);
    expect(sample.editorNote).toMatch(/^Today begins an expanded format of this popular column\./);
    expect(sample.categories).toEqual(["Weather", "Statistics", "Fishing Industry", "genre:Feature"]);
  });

  it("maps body.head: hl1/hl2, byline with person and byttl, dateline location, abstract", () => {
    expect(sample.headline).toBe("Weather and Tide Updates for Norfolk");
    expect(sample.subheadline).toBe("A sample, fictitious NITF article");
    expect(sample.byline).toBe("By Alan Karben NITF Network News Online");
    expect(sample.dateline).toEqual({ text: "Newport News, VA", place: "Newport News", date: null, source: null });
    expect(sample.abstract).toBe("Superb weather in Norfolk today. Tides coming in and out as per usual.");
    expect(sample.agency).toBe("XML Team Solutions, Inc.");
  });

  it("renders p, hl2, table, block and lists; drops media, table metadata and the editors' note", () => {
    expect(sample.bodyHtml).toContain("<h2>The Tides are High</h2>");
    expect(sample.bodyHtml).toContain('<th colspan="2">today</th>');
    expect(sample.bodyHtml).toContain("<li><em>Deer Creek:</em>");
    expect(sample.bodyText).toContain("Happy fishing everybody!");
    expect(sample.bodyText).not.toContain("captured on film");
    expect(sample.bodyText).not.toContain("This is a table filled with weather data");
    expect(sample.bodyText).not.toContain("created completely from scratch");
  });
});

describe("parseNitf — stable guid when doc-id has none (IPTC 3.6 sample)", () => {
  it("derives nitf:<24 hex> from headline + body, stable across re-delivery", () => {
    const first = story(readSample("nitf/iptc-nitf-example-3.6.xml"));
    const again = story(readSample("nitf/iptc-nitf-example-3.6.xml"));
    expect(first.guid).toMatch(/^nitf:[0-9a-f]{24}$/);
    expect(again.guid).toBe(first.guid);
    expect(first.byline).toBe("By Alan Karben, EP Aerospace Writer.");
    expect(first.dateline.place).toBe("CAPE CANAVERAL");
    expect(first.versionCreated).toBe("2009-11-23T11:44:28Z");
  });

  it("ignores whitespace changes but not text changes", () => {
    const doc = (body: string) => utf8(`<nitf><body><body.head><hedline><hl1>Title</hl1></hedline></body.head><body.content>${body}</body.content></body></nitf>`);
    const a = story(doc("<p>One two.</p>"));
    expect(story(doc("<p>One\n   two.</p>")).guid).toBe(a.guid);
    expect(story(doc("<p>One three.</p>")).guid).not.toBe(a.guid);
  });
});

describe("parseNitf — agency quirks", () => {
  it("puts a space between AP's name and byttl", () => {
    const ap = story(utf8(`<nitf><body><body.head><hedline><hl1>H</hl1></hedline><byline>By JANE DOE<byttl>AP Business Writer</byttl></byline></body.head><body.content><p>x</p></body.content></body></nitf>`));
    expect(ap.byline).toBe("By JANE DOE AP Business Writer");
  });

  it("reads dpa-infocom's slug keyword, short headline and body without image captions", () => {
    const dpa = story(readSample("nitf/dpa-infocom/transformed-starline.xml"));
    expect(dpa.guid).toBe("urn-newsml-dpa-com-20090101-190617-99-676016");
    expect(dpa.slugline).toBe("Auszeichnungen/Film/Niedersachsen/");
    expect(dpa.keywords).toEqual(["Auszeichnungen", "Film", "Niedersachsen"]);
    expect(dpa.subheadline).toBe("Ausgezeichnet");
    expect(dpa.urgency).toBe(4);
    expect(dpa.versionCreated).toBe("2019-06-17T09:17:59+02:00");
    expect(dpa.bodyText).not.toContain("Foto:");
    expect(dpa.bodyHtml).toContain('href="http://dpaq.de/4BFzl"');
  });

  it("maps canceled and embargoed management status and a story.date dateline", () => {
    const doc = (status: string, release = "") =>
      utf8(`<nitf baselang="en-US"><head><docdata management-status="${status}"><doc-id id-string="d1"/>${release}</docdata></head>
        <body><body.head><hedline><hl1>H</hl1></hedline><dateline><location><city>GROSSETO</city>, <country>Italy</country></location> <story.date norm="20240101T000000Z">Jan. 1</story.date></dateline></body.head></body></nitf>`);
    expect(story(doc("canceled")).pubStatus).toBe("canceled");
    expect(story(doc("embargoed")).pubStatus).toBe("withheld");
    const embargoed = story(doc("embargoed", `<date.release norm="20240102T060000+0100"/>`));
    expect(embargoed.pubStatus).toBe("usable");
    expect(embargoed.embargoUntil).toBe("2024-01-02T06:00:00+01:00");
    expect(embargoed.dateline).toEqual({ text: "GROSSETO, Italy Jan. 1", place: "GROSSETO", date: "2024-01-01", source: null });
    expect(embargoed.language).toBe("en-US");
  });

  it("exports the sanitized NITF body renderer for the other XML parsers", () => {
    const nitf = parseXml(`<nitf><body><body.content><p onclick="x()">A <script>bad()</script><em>b</em></p><media><media-caption>c</media-caption></media><hl2>Sub</hl2></body.content></body></nitf>`);
    expect(nitfBodyHtml(nitf)).toBe("<p>A <em>b</em></p><h2>Sub</h2>");
  });
});
