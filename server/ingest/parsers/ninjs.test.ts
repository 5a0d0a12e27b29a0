import { describe, expect, it } from "vitest";
import { NormalizedStorySchema } from "../../domain/normalized-story";
import { parseNinjs } from "./ninjs";
import { WireParseError } from "./parse-result";
import { listSamples, readSample } from "./testing/samples";

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function onlyStory(path: string) {
  const delivery = parseNinjs(readSample(path));
  expect(delivery.stories).toHaveLength(1);
  return delivery.stories[0]!;
}

describe("parseNinjs — every sample", () => {
  for (const path of listSamples("ninjs")) {
    it(`${path} parses or fails with a typed error`, () => {
      try {
        const delivery = parseNinjs(readSample(path));
        for (const story of delivery.stories) expect(NormalizedStorySchema.safeParse(story).success).toBe(true);
        expect(delivery.stories.length + delivery.recorded.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(WireParseError);
        // Only content-free schema fixtures ({uri} plus rights, altids, urgency…) are refused.
        expect((error as WireParseError).code).toBe("no_story");
        expect(path).toMatch(/test_suite/);
      }
    });
  }
});

describe("parseNinjs — dpa (2.1 and 3.0 carry the same story)", () => {
  for (const version of ["2.1", "3.0"]) {
    it(`maps ninjs/${version}/dpa_text.json exactly`, () => {
      const story = onlyStory(`ninjs/${version}/dpa_text.json`);
      expect(story.guid).toBe("urn:newsml:dpa.com:20090101:190510-99-167362");
      expect(story.version).toBe(2);
      expect(story.headline).toBe("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
      expect(story.slugline).toBeNull();
      expect(story.byline).toBe("Von Christian Hollmann, dpa");
      expect(story.dateline).toEqual({ text: null, place: null, date: null, source: null });
      expect(story.urgency).toBe(4);
      expect(story.language).toBe("de");
      expect(story.agency).toBe("dpa");
      expect(story.pubStatus).toBe("usable");
      expect(story.versionCreated).toBe("2019-05-10T16:02:28+02:00");
      expect(story.bodyHtml.match(/<p>/g)).toHaveLength(9);
      expect(story.bodyHtml).not.toContain("section");
      expect(story.bodyText.startsWith("Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».")).toBe(true);
    });
  }
});

describe("parseNinjs — NTB (2.1 and 3.0)", () => {
  for (const version of ["2.1", "3.0"]) {
    it(`maps ninjs/${version}/ntb_text.json exactly`, () => {
      const story = onlyStory(`ninjs/${version}/ntb_text.json`);
      expect(story.guid).toBe("urn:8d19cf88-b3ab-4972-8fec-1207599f2872");
      expect(story.version).toBe(6);
      expect(story.headline).toBe("Google har kjøpt giganttomt i Skien");
      expect(story.slugline).toBe("skien-google");
      expect(story.byline).toBe("NTB");
      // No dateline in the (absent) text: the single unqualified place fills dateline.place.
      expect(story.dateline).toEqual({ text: null, place: "Telemark", date: null, source: null });
      expect(story.urgency).toBe(5);
      expect(story.language).toBe("nb-NO");
      expect(story.agency).toBe("NTB");
      expect(story.editorNote).toBe("Noe utvidet.");
      expect(story.firstCreated).toBe("2019-08-09T09:30:04Z");
      expect(story.abstract).toBe("IT-giganten Google har kjøpt en tomt på nærmere 2.000 mål i Skien i tilfelle det blir behov for flere datasentre i Europa.");
      expect(story.categories).toEqual(["Innenriks", "Teknologi", "Industri", "Olje og energi"]);
      expect(story.bodyHtml).toBe("");
    });
  }
});

describe("parseNinjs — other real and IPTC samples", () => {
  it("TT 3.0: picks the html5 body without the repeated title and the vignette line", () => {
    const story = onlyStory("ninjs/3.0/tt_text_image_3.json");
    expect(story.slugline).toBe("militärövning");
    expect(story.urgency).toBe(3);
    expect(story.agency).toBe("TT");
    expect(story.bodyText.startsWith("Pandemin satte stopp för den stora internationella militärövningen")).toBe(true);
    expect(story.bodyHtml).toContain("<blockquote>");
  });

  it("ninjs 1.x: body_xhtml and the dateline from the text (over `located`)", () => {
    const story = onlyStory("ninjs/1.4/ninjsExMediumText1.json");
    expect(story.headline).toBe("Captain of wrecked cruise ship on trial in Italy");
    expect(story.byline).toBe("Paulo Santalucia and Frances d'Emilio");
    expect(story.dateline).toEqual({ text: "GROSSETO, Italy (AP)", place: "GROSSETO, Italy", date: null, source: "AP" });
    expect(story.agency).toBe("AP");
    expect(story.bodyHtml.match(/<p>/g)).toHaveLength(4);
    expect(story.bodyText.startsWith("The trial of the captain")).toBe(true);
  });

  it("ninjs 1.6 headline_main/body_richtext and 3.0 embedded NITF body", () => {
    expect(onlyStory("ninjs/1.6/004_simple_text_article.json").headline).toBe("Captain of wrecked cruise ship on trial in Italy");
    const nitf = onlyStory("ninjs/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json");
    expect(nitf.bodyText.startsWith("The Australian Sports Anti-Doping Authority (ASADA)")).toBe(true);
    expect(nitf.dateline.place).toBe("Oslo, Norway");
  });

  it("records pictures, composites, events and planning items", () => {
    expect(parseNinjs(readSample("ninjs/1.4/ninjsExComplex1.json")).recorded[0]?.itemClass).toBe("composite");
    const picture = parseNinjs(readSample("ninjs/test_suite/2.1/should_pass/010_geojson.json"));
    expect(picture.stories).toEqual([]);
    expect(picture.recorded[0]).toMatchObject({ itemClass: "picture", version: 0, headline: "Turkey Islamic State" });
    expect(parseNinjs(readSample("ninjs/test_suite/3.0/should_pass/002_simple_event.json")).recorded[0]?.itemClass).toBe("event");
  });
});

describe("parseNinjs — shapes and edge cases", () => {
  it("accepts an array and an { items } wrapper", () => {
    const items = [
      { uri: "urn:a", version: "3", headlines: [{ role: "main", value: "A" }] },
      { uri: "urn:b", type: "picture", headlines: [{ role: "main", value: "B" }] },
    ];
    for (const delivery of [parseNinjs(json(items)), parseNinjs(json({ items }))]) {
      expect(delivery.stories.map((story) => [story.guid, story.version])).toEqual([["urn:a", 3]]);
      expect(delivery.recorded.map((item) => item.guid)).toEqual(["urn:b"]);
    }
  });

  it("reads 3.x camelCase, pubStatus, a bad version (→ 1), urgency 0.1 (→ 5) and sanitizes the body", () => {
    const delivery = parseNinjs(
      json({
        uri: "urn:x", version: "v2", pubStatus: "canceled", urgency: 0.1, edNote: "Kill", slugline: "x-slug",
        headlines: [{ role: "main", value: "Head" }, { role: "sub", value: "Sub" }],
        bodies: [{ role: "main", contentType: "text/html", value: '<p onclick="x()">LONDON, Jan 4 (Reuters) - Text<script>bad()</script></p>' }],
        keywords: ["k1", "k1", "k2"],
      }),
    );
    const story = delivery.stories[0]!;
    expect(story).toMatchObject({ version: 1, pubStatus: "canceled", urgency: 5, editorNote: "Kill", subheadline: "Sub", keywords: ["k1", "k2"] });
    expect(story.dateline).toEqual({ text: "LONDON, Jan 4 (Reuters)", place: "LONDON", date: null, source: "Reuters" });
    expect(story.bodyHtml).toBe("<p>Text</p>");
  });

  it("fails with typed errors for bad JSON, no uri, non-objects and empty items", () => {
    const codes = [
      new TextEncoder().encode("{ not json"),
      json({ headlines: [{ value: "no uri" }] }),
      json([1, 2]),
      json({ uri: "urn:empty" }),
      new Uint8Array(0),
    ].map((bytes) => {
      try {
        parseNinjs(bytes);
        return "parsed";
      } catch (error) {
        return error instanceof WireParseError ? error.code : "untyped";
      }
    });
    expect(codes).toEqual(["malformed", "malformed", "malformed", "no_story", "no_story"]);
  });
});
