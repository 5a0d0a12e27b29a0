import { describe, expect, it } from "vitest";
import { parseNewsmlG2 } from "./newsml-g2";
import { WireParseError } from "./parse-result";
import { readSample } from "./testing/samples";

const utf8 = (text: string) => new TextEncoder().encode(text);
const sampleText = (path: string) => new TextDecoder().decode(readSample(path));

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe("parseNewsmlG2 — dpa (eil.xml)", () => {
  const delivery = parseNewsmlG2(readSample("newsml-g2/dpa/eil.xml"));
  const story = only(delivery.stories);

  it("maps the metadata exactly", () => {
    expect(story.guid).toBe("urn:newsml:dpa.com:20090101:240925-930-242744");
    expect(story.version).toBe(1);
    expect(story.headline).toBe("Grünen-Spitze tritt nach Wahlniederlagen ab");
    expect(story.slugline).toBeNull();
    // dpa's creator is a login ("kunigkeit.sebastian"), not a byline; digitalwires says byline null too.
    expect(story.byline).toBeNull();
    expect(story.dateline).toEqual({ text: "Berlin (dpa)", place: "Berlin", date: null, source: "dpa" });
    expect(story.urgency).toBe(2);
    expect(story.language).toBe("de");
    expect(story.agency).toBe("dpa");
    expect(story.pubStatus).toBe("usable");
    expect(story.versionCreated).toBe("2024-09-25T10:37:24+02:00");
    expect(story.keywords).toEqual(["Grüne"]);
    expect(story.editorNote).toBe("Zu diesem Text finden Sie Bilder mit folgendem Titel im dpa Bildangebot:\ndpa-Eilmeldung\ndpa abc yydd n1 sku");
    expect(delivery.recorded).toEqual([]);
  });

  it("strips the body dateline span once", () => {
    expect(story.bodyText.startsWith("Die Grünen-Spitze zieht nach den Misserfolgen")).toBe(true);
    expect(story.bodyText).not.toContain("(dpa)");
    expect(story.bodyHtml).not.toContain("dateline");
  });

  it("strips only the first span: a later one stays in the body", () => {
    const xml = sampleText("newsml-g2/dpa/eil.xml").replace(
      "berichtet.</p>",
      'berichtet.</p><p><span class="dateline">Hamburg <span class="credit">(dpa)</span> - </span>Zweiter Absatz.</p>',
    );
    const second = only(parseNewsmlG2(utf8(xml)).stories);
    expect(second.bodyText).toContain("Hamburg (dpa) - Zweiter Absatz.");
    expect(second.bodyText).not.toContain("Berlin (dpa)");
  });

  it("takes the dateline from the span when contentMeta has none", () => {
    const xml = sampleText("newsml-g2/dpa/eil.xml").replace("<dateline>Berlin (dpa) - </dateline>", "");
    const story = only(parseNewsmlG2(utf8(xml)).stories);
    expect(story.dateline).toEqual({ text: "Berlin (dpa)", place: "Berlin", date: null, source: "dpa" });
    expect(story.bodyText.startsWith("Die Grünen-Spitze")).toBe(true);
  });

  it("reads versions, signals and a missing pubStatus from the other dpa files", () => {
    const tvo = only(parseNewsmlG2(readSample("newsml-g2/dpa/tvo_pol.xml")).stories);
    expect(tvo.version).toBe(2);
    expect(tvo.signals).toEqual(["sig:correction"]);
    expect(tvo.editorNote).toMatch(/^Im Eintrag «Sitzungen und Statements der Bundestagsfraktionen»/);
    const table = only(parseNewsmlG2(readSample("newsml-g2/dpa/spe_tab.xml")).stories);
    expect(table.version).toBe(33);
    expect(table.pubStatus).toBe("usable");
    expect(table.bodyHtml).toContain("<table>");
  });
});

describe("parseNewsmlG2 — TT (no namespace, newsMessage with package + text + picture)", () => {
  const delivery = parseNewsmlG2(readSample("newsml-g2/tt/TT_newsmlg2_sample.xml"));
  const story = only(delivery.stories);

  it("maps the text item exactly", () => {
    expect(story.guid).toBe("http://tt.se/media/text/210919-janguillou-879f202b");
    expect(story.version).toBe(1);
    expect(story.headline).toBe('Jan Guillou skriver på ny "Hamilton"-bok');
    expect(story.slugline).toBe("janguillou");
    expect(story.byline).toBeNull();
    expect(story.dateline).toEqual({ text: null, place: null, date: null, source: null });
    expect(story.urgency).toBe(3);
    expect(story.language).toBe("sv");
    expect(story.agency).toBe("TT");
    expect(story.categories).toContain("Litteratur");
  });

  it("keeps paragraphs and quotes but not the h1, the vignette or the photo caption/byline", () => {
    expect(story.bodyText.startsWith("Jan Guillou arbetar just nu med det sista kapitlet")).toBe(true);
    expect(story.bodyHtml).toContain("<blockquote>");
    expect(story.bodyText).not.toContain("Naina Helén Jåma/TT");
    expect(story.bodyText).not.toContain("Arkivbild");
    expect(story.bodyText).not.toMatch(/^Litteratur/);
  });

  it("records the package and the picture instead of queueing them", () => {
    expect(delivery.recorded).toEqual([
      { format: "newsml-g2", guid: "http://tt.se/media/text/210919-janguillou-879f202b-pack", version: 1, itemClass: "packageItem", headline: null },
      {
        format: "newsml-g2",
        guid: "http://tt.se/media/image/sdlm1btzmKu8WU",
        version: 1,
        itemClass: "ninat:picture",
        headline: "Journalisten och författaren Jan Guillou jobbar på en ny bok om agenten Hamilton. Arkivbild.",
      },
    ]);
  });
});

describe("parseNewsmlG2 — IPTC listings", () => {
  it("records a package (LISTING_6) and yields no story", () => {
    const delivery = parseNewsmlG2(readSample("newsml-g2/iptc/LISTING_6_Simple_NewsML-G2_Package.xml"));
    expect(delivery.stories).toEqual([]);
    expect(delivery.recorded).toEqual([
      { format: "newsml-g2", guid: "tag:example.com,2008:UK-NEWS-TOPTEN:UK20081220098658", version: 11, itemClass: "packageItem", headline: "UK" },
    ]);
  });

  it("maps embargo, signal, edNote, provider and located (LISTING_1)", () => {
    const story = only(parseNewsmlG2(readSample("newsml-g2/iptc/LISTING_1_A_NewsML-G2_News_Item.xml")).stories);
    expect(story.headline).toBe('Fed to halt QE to avert "bubble"');
    expect(story.slugline).toBe("US-Finance-Fed");
    expect(story.byline).toBe("Meredith Jameson");
    expect(story.dateline.place).toBe("Berlin");
    expect(story.embargoUntil).toBe("2018-10-23T12:00:00Z");
    expect(story.signals).toEqual(["sig:update"]);
    expect(story.editorNote).toMatch(/^Note to editors: STRICTLY EMBARGOED/);
    expect(story.agency).toBe("Reuters") // nprov:REUTERS, in the one spelling of every format;
    expect(story.language).toBe("en-GB");
    expect(story.firstCreated).toBe("2016-10-18T13:12:21-05:00");
  });

  it("reads an embedded NITF body and byline (LISTING_2)", () => {
    const story = only(parseNewsmlG2(readSample("newsml-g2/iptc/LISTING_2_NewsML-G2_Text_Document.xml")).stories);
    expect(story.byline).toBe("By Meredith Jameson, Staff Reporter");
    expect(story.bodyHtml.match(/<p>/g)).toHaveLength(2);
    expect(story.language).toBe("en-US");
  });

  it("records items without text (LISTING_24 placeholders, LISTING_29 hop history, AP video)", () => {
    const message = parseNewsmlG2(readSample("newsml-g2/iptc/LISTING_24_News_Message_conveying_a_complete_News_Package.xml"));
    expect(message.stories).toEqual([]);
    expect(message.recorded.map((item) => item.guid)).toEqual(["", "N1", "N2", "N3", "N4"]);
    const hop = parseNewsmlG2(readSample("newsml-g2/iptc/LISTING_29_Hop_History.xml"));
    expect(hop.stories).toEqual([]);
    expect(hop.recorded[0]?.itemClass).toBe("ninat:text");
    expect(parseNewsmlG2(readSample("newsml-g2/iptc/ap_metadata_example.xml")).recorded[0]?.itemClass).toBe("ninat:video");
  });

  it("refuses the two fragments (LISTING_25 contentSet, LISTING_28 contentMeta) with a clear error", () => {
    for (const path of [
      "newsml-g2/iptc/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
      "newsml-g2/iptc/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
    ]) {
      expect(() => parseNewsmlG2(readSample(path))).toThrow(WireParseError);
      expect(() => parseNewsmlG2(readSample(path))).toThrow(/is not a NewsML-G2 item or newsMessage/);
    }
  });
});

describe("parseNewsmlG2 — versions and kills", () => {
  const item = (meta: string, content = "") =>
    utf8(`<newsItem guid="urn:x:1" version="1542761538"><itemMeta><itemClass qcode="ninat:text"/>${meta}</itemMeta>
      <contentMeta><headline role="hlrole:main">Main</headline><headline role="hlrole:subHeadline">Sub</headline>${content}</contentMeta></newsItem>`);

  it("keeps huge Reuters versions, previous-version links (both spellings) and canceled status", () => {
    const story = only(
      parseNewsmlG2(
        item(`<pubStatus qcode="stat:canceled"/><link rel="irel:previousVersion" residref="urn:x:0"/><link rel="irel:prevVersion" href="urn:x:old"/><link rel="irel:seeAlso" href="urn:other"/>`),
      ).stories,
    );
    expect(story.version).toBe(1542761538);
    expect(story.pubStatus).toBe("canceled");
    expect(story.supersedes).toEqual(["urn:x:0", "urn:x:old"]);
    expect(story.headline).toBe("Main");
    expect(story.subheadline).toBe("Sub");
  });

  it("reads XHTML fragments without an html root, and escaped HTML in inlineXML", () => {
    const withContent = (content: string) =>
      new TextDecoder().decode(item("")).replace("</contentMeta>", `</contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">${content}</inlineXML></contentSet>`);
    expect(only(parseNewsmlG2(utf8(withContent("<p>One.</p><p>Two.</p>"))).stories).bodyHtml).toBe("<p>One.</p><p>Two.</p>");
    expect(only(parseNewsmlG2(utf8(withContent("&lt;p&gt;Escaped.&lt;/p&gt;"))).stories).bodyHtml).toBe("<p>Escaped.</p>");
  });

  it("reads plain inlineData as paragraphs", () => {
    const xml = new TextDecoder().decode(item("")).replace("</contentMeta>", "</contentMeta><contentSet><inlineData>First.\n\nSecond &amp; last.</inlineData></contentSet>");
    const story = only(parseNewsmlG2(utf8(xml)).stories);
    expect(story.bodyHtml).toBe("<p>First.</p>\n<p>Second &amp; last.</p>");
  });
});
