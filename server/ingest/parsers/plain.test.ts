import { describe, expect, it } from "vitest";
import { NormalizedStorySchema } from "../../domain/normalized-story";
import { WireParseError } from "./parse-result";
import { parsePlain } from "./plain";
import { listSamples, readSample } from "./testing/samples";

const utf8 = (text: string) => new TextEncoder().encode(text);

function onlyStory(bytes: Uint8Array) {
  const delivery = parsePlain(bytes);
  expect(delivery.stories).toHaveLength(1);
  return delivery.stories[0]!;
}

describe("parsePlain — every sample", () => {
  for (const path of listSamples("plain")) {
    it(`${path} yields one valid story`, () => {
      expect(NormalizedStorySchema.safeParse(onlyStory(readSample(path))).success).toBe(true);
    });
  }
});

describe("parsePlain — a page scraped from a news site (text written for the project, dpa/MIA layout)", () => {
  const story = onlyStory(readSample("plain/scraped-web-page-2024-03-14.txt"));
  const lede = "The Eastport lake ferry resumed its daily crossings on Thursday after four months in dry dock, the town’s harbour office said.";

  it("finds headline, standfirst and dateline", () => {
    expect(story.headline).toBe("Eastport ferry returns to the lake after a ‘long, quiet winter’");
    expect(story.abstract).toBe(lede);
    expect(story.dateline).toEqual({ text: "Brightwater/Eastport, 14 March 2024 (dpa/MIA)", place: "Brightwater/Eastport", date: "2024-03-14", source: "dpa/MIA" });
    expect(story.agency).toBe("dpa");
    expect(story).toMatchObject({ slugline: null, byline: null, urgency: 5, language: null, version: 1, pubStatus: "usable" });
  });

  it("starts the body with the dateline paragraph (its dateline moved into the dateline field)", () => {
    expect(story.bodyText.startsWith(`${lede}\n\nThe 42-metre vessel, which carries`)).toBe(true);
    expect(story.bodyText).not.toContain("(dpa/MIA)");
    expect(story.bodyText.endsWith("may rise slightly once the summer timetable begins.")).toBe(true);
  });

  it("drops the navigation and footer junk", () => {
    for (const junk of ["Karousel", "0_Web_", "Back to top button"]) {
      expect(story.bodyText).not.toContain(junk);
      expect(story.headline).not.toContain(junk);
    }
  });

  it("has a stable content guid", () => {
    expect(story.guid).toMatch(/^plain:[0-9a-f]{24}$/);
    expect(onlyStory(readSample("plain/scraped-web-page-2024-03-14.txt")).guid).toBe(story.guid);
  });
});

describe("parsePlain — other text", () => {
  it("reads a story without dateline and an HTML page", () => {
    const text = onlyStory(utf8("Harbor festival draws record crowd\n\nThousands came to the harbor.\nOrganizers were pleased.\n"));
    expect(text.headline).toBe("Harbor festival draws record crowd");
    expect(text.bodyText).toBe("Thousands came to the harbor.\n\nOrganizers were pleased.");
    const page = onlyStory(utf8("<html><body><h1>Harbor festival draws record crowd</h1><p>BERLIN (dpa) - Thousands came.</p></body></html>"));
    expect(page.dateline.place).toBe("BERLIN");
  });

  it.each([["", "empty"], ["\n \n", "blank"], ["Menu\nHome\nShare\n", "junk only"], ["Only a headline here", "no body"]])(
    "refuses %j (%s) with no_story",
    (text) => {
      expect(() => parsePlain(utf8(text))).toThrow(expect.objectContaining({ name: "WireParseError", code: "no_story" }));
    },
  );

  it("never throws anything but WireParseError on binary garbage", () => {
    try {
      parsePlain(new Uint8Array([0xff, 0x00, 0x13, 0x88]));
    } catch (error) {
      expect(error).toBeInstanceOf(WireParseError);
    }
  });
});
