import { describe, expect, it } from "vitest";
import type { NormalizedStory, WireFormat } from "../../domain/normalized-story";
import { parseDelivery } from "../parse-delivery";
import { readSample } from "./testing/samples";

/** The four dpa stories, each delivered as digitalwires JSON, NewsML-G2 and IPTC 7901. */
const STORIES: ReadonlyArray<{ name: string; files: Readonly<Partial<Record<WireFormat, string>>>; sameBody: boolean }> = [
  { name: "eil", files: { digitalwires: "dpa-digitalwires/eil.json", "newsml-g2": "newsml-g2/dpa/eil.xml", iptc7901: "anpa/iptc7901/dpa-eil.iptc" }, sameBody: true },
  {
    name: "lesestuecke",
    files: { digitalwires: "dpa-digitalwires/lesestuecke.json", "newsml-g2": "newsml-g2/dpa/lesestuecke.xml", iptc7901: "anpa/iptc7901/dpa-lesestuecke.iptc" },
    sameBody: true,
  },
  {
    name: "spe_tab",
    files: { digitalwires: "dpa-digitalwires/spe_tab.json", "newsml-g2": "newsml-g2/dpa/spe_tab.xml", iptc7901: "anpa/iptc7901/dpa-spe-tab.iptc" },
    sameBody: true,
  },
  // In tvo_pol one `<br>` fell where the 69-column wrap could have broken anyway: 7901 cannot tell them apart.
  {
    name: "tvo_pol",
    files: { digitalwires: "dpa-digitalwires/tvo_pol.json", "newsml-g2": "newsml-g2/dpa/tvo_pol.xml", iptc7901: "anpa/iptc7901/dpa-tvo-pol.iptc" },
    sameBody: false,
  },
];

function parsed(format: WireFormat, path: string): NormalizedStory {
  const outcome = parseDelivery(readSample(path));
  if (!outcome.ok) throw outcome.error;
  expect(outcome.value.format).toBe(format);
  expect(outcome.value.stories).toHaveLength(1);
  return outcome.value.stories[0]!;
}

/** The fields every format must agree on; the dateline text is compared without a trailing dash. */
function comparable(story: NormalizedStory) {
  const text = story.dateline.text?.replace(/\s*[-–—_:]+$/, "") ?? null;
  return { headline: story.headline, urgency: story.urgency, dateline: { ...story.dateline, text }, wordCount: story.wordCount };
}

describe("genres from every format, in the one vocabulary", () => {
  it("takes NewsML-G2 `<genre>`: its name, and the canonical genre of its qcode", () => {
    expect(parsed("newsml-g2", "newsml-g2/iptc/LISTING_1_A_NewsML-G2_News_Item.xml").categories).toEqual(expect.arrayContaining(["Interview", "genre:Interview"]));
    expect(parsed("newsml-g2", "newsml-g2/dpa/eil.xml").categories).toContain("Meldung");
  });

  it("takes ninjs `genres` by name and by their IPTC genre URI", () => {
    const story = parsed("ninjs", "ninjs/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json");
    expect(story.categories).toContain("genre:Current");
    expect(parsed("ninjs", "ninjs/test_suite/3.0/should_pass/006_genre.json").categories).toEqual(expect.arrayContaining(["Current", "From the Scene", "genre:Current", "genre:FromTheScene"]));
  });

  it("takes the NITF `tobject.type` and `tobject.property.type` when they name a genre, not a desk", () => {
    expect(parsed("nitf", "nitf/iptc-nitf-example-3.5.xml").categories).toContain("genre:Feature");
    // NTB's tobject.type "Utenriks" is a desk, and "Nyheter" (news) no genre: neither becomes one.
    expect(parsed("nitf", "nitf/NTB_nitf_sample.xml").categories.filter((c) => c.startsWith("genre:") || ["Utenriks", "Nyheter"].includes(c))).toEqual([]);
  });
});

describe("the same dpa story in every format", () => {
  for (const { name, files, sameBody } of STORIES) {
    describe(name, () => {
      const stories = Object.entries(files).map(([format, path]) => ({ format, story: parsed(format as WireFormat, path) }));
      const [reference, ...others] = stories;

      it("has the same headline, urgency, dateline and word count", () => {
        for (const other of others) {
          expect({ format: other.format, ...comparable(other.story) }).toEqual({ format: other.format, ...comparable(reference!.story) });
        }
      });

      // The 7901 trailer gives the minute in the agency's local time, without a zone.
      it("has the same version time to the minute in every format", () => {
        const minute = (iso: string | null) => (iso === null ? null : new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString());
        for (const other of others) expect({ format: other.format, at: minute(other.story.versionCreated) }).toEqual({ format: other.format, at: minute(reference!.story.versionCreated) });
      });

      // 7901's slug line mixes subjects, geo subjects and keywords, so only the line itself is compared.
      it("has the same slug line in digitalwires and 7901", () => {
        const wires = stories.find((entry) => entry.format === "digitalwires")!.story;
        const teletype = stories.find((entry) => entry.format === "iptc7901")!.story;
        expect(teletype.slugline).toBe(wires.slugline);
      });

      // The desk's closing line of initials (`dpa abc yydd n1 sku`) leaves the body but is kept, last in the notes.
      it("keeps the closing line of editor initials last in the notes, never in the body", () => {
        const lines = stories.map(({ format, story }) => ({ format, last: story.editorNote?.split("\n").at(-1) ?? null }));
        for (const line of lines) expect(line).toEqual({ format: line.format, last: lines[0]!.last });
        for (const { story } of stories) if (lines[0]!.last) expect(story.bodyText).not.toContain(lines[0]!.last);
      });

      // Genres are one vocabulary: G2's `<genre>` and digitalwires' genre names give the same ones.
      it("has the same genres in NewsML-G2 and digitalwires", () => {
        const genres = (format: string) => stories.find((entry) => entry.format === format)!.story.categories.filter((c) => ["Meldung", "Vorschau", "Achtung"].includes(c) || c.startsWith("genre:")).sort();
        expect(genres("newsml-g2")).toEqual(genres("digitalwires"));
      });

      // Where a line break is ambiguous in 7901, the words must still be the same, in the same order.
      it(sameBody ? "has the same body text" : "has the same body words (paragraph breaks may differ)", () => {
        const words = (text: string) => (sameBody ? text : text.replace(/\s+/g, " "));
        for (const other of others) expect(words(other.story.bodyText)).toBe(words(reference!.story.bodyText));
      });
    });
  }
});
