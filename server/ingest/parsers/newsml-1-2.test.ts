import { describe, expect, it } from "vitest";
import { parseNewsml12 } from "./newsml-1-2";
import { WireParseError } from "./parse-result";
import { readSample } from "./testing/samples";

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe("parseNewsml12 — AFP (real agency file, NITF in DataContent)", () => {
  const story = only(parseNewsml12(readSample("newsml-1.2/afp.com_newsml1.2_sample.xml")).stories);

  it("maps identification and management exactly", () => {
    expect(story.guid).toBe("urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71");
    expect(story.version).toBe(1);
    expect(story.pubStatus).toBe("usable");
    expect(story.urgency).toBe(4);
    expect(story.firstCreated).toBe("2021-05-16T08:06:25+00:00");
    expect(story.versionCreated).toBe("2021-05-16T08:06:25+00:00");
  });

  it("maps the news lines exactly", () => {
    expect(story.headline).toBe("Israel strikes key Hamas targets as UN Security Council to meet");
    expect(story.subheadline).toBeNull();
    // AFP sends no SlugLine; its NameLabel is the slug.
    expect(story.slugline).toBe("Israel-Palestinians-conflict");
    // No ByLine either: the Creator party names the reporters.
    expect(story.byline).toBe("Adel Zaanoun with Guillaume Lavallee in Jerusalem");
    expect(story.dateline).toEqual({
      text: "Gaza City, Palestinian Territories, May 16, 2021 (AFP)",
      place: "Gaza City",
      date: "2021-05-16",
      source: "AFP",
    });
    expect(story.language).toBe("en");
    expect(story.agency).toBe("AFP");
    expect(story.editorNote).toBe("RECASTS with attack on Hamas targets, RAISES Gaza death toll, UPDATES throughout");
    expect(story.keywords).toEqual(["Israel", "Palestinians", "conflict"]);
  });

  it("renders the NITF body with its subheads and no empty paragraphs", () => {
    expect(story.bodyText.startsWith("Israel's army said Sunday it had bombed the home")).toBe(true);
    expect(story.bodyHtml).toContain("<h2>- Media offices destroyed -</h2>");
    expect(story.bodyHtml).not.toContain("<p></p>");
    expect(story.wordCount).toBeGreaterThan(900);
  });

  it("decodes UTF-8 bytes even when the declaration says iso-8859-1", () => {
    const xml = new TextDecoder()
      .decode(readSample("newsml-1.2/afp.com_newsml1.2_sample.xml"))
      .replace('encoding="utf-8"', 'encoding="iso-8859-1"')
      .replace("Israel strikes key Hamas targets", "Israël strikes key Hamas targets – again");
    const declared = only(parseNewsml12(new TextEncoder().encode(xml)).stories);
    expect(declared.headline).toBe("Israël strikes key Hamas targets – again as UN Security Council to meet");
  });
});

describe("parseNewsml12 — Business Wire (XHTML components by role)", () => {
  const story = only(parseNewsml12(readSample("newsml-1.2/businesswire-newsml-20130515006361.xml")).stories);

  it("maps the nested news lines and role components", () => {
    expect(story.guid).toBe("urn:newsml:businesswire.com:20010714:20130515006361");
    expect(story.version).toBe(1);
    expect(story.headline).toBe("Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations");
    expect(story.slugline).toBe("TX-DELL");
    expect(story.byline).toBeNull();
    expect(story.dateline).toEqual({ text: "ROUND ROCK, Texas", place: "ROUND ROCK, Texas", date: null, source: null });
    expect(story.urgency).toBe(5);
    expect(story.language).toBe("en");
    expect(story.agency).toBe("Business Wire");
    expect(story.subheadline).toMatch(/^Offering powerful workstation performance .*; Dell Precision rack workstation delivers/);
  });

  it("takes the Body component only: no stylesheet, contact, logo or photo caption", () => {
    expect(story.bodyText).toMatch(/^Dell today announced an expanded and stronger Dell Precision workstation portfolio/);
    expect(story.bodyText).not.toContain("bwlistitemmargb");
    expect(story.bodyText).not.toContain("Lauren Mauro");
    expect(story.bodyText).not.toContain("(Photo: Business Wire)");
    expect(story.bodyHtml).toContain('href="http://www.dell.com/"');
  });
});

describe("parseNewsml12 — structure", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("records a NewsItem that only carries a photo", () => {
    const delivery = parseNewsml12(
      utf8(`<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20210516</DateId><NewsItemId>PH-1</NewsItemId><RevisionId PreviousRevision="1" Update="U">2</RevisionId></NewsIdentifier></Identification>
        <NewsComponent><ContentItem Href="x.jpg"><MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsItem></NewsML>`),
    );
    expect(delivery.stories).toEqual([]);
    expect(delivery.recorded).toEqual([{ format: "newsml-1.2", guid: "urn:newsml:afp.com:20210516:PH-1", version: 2, itemClass: "Photo", headline: null }]);
  });

  it("refuses a document whose root is not NewsML", () => {
    expect(() => parseNewsml12(utf8("<nitf/>"))).toThrow(WireParseError);
  });
});
