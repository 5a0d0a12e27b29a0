import { describe, expect, it } from "vitest";
import { NormalizedStorySchema } from "../../domain/normalized-story";
import { parseDigitalwires } from "./digitalwires";
import { listSamples, readSample } from "./testing/samples";

const utf8 = (text: string) => new TextEncoder().encode(text);
const sampleText = (path: string) => new TextDecoder().decode(readSample(path));

function onlyStory(bytes: Uint8Array) {
  const delivery = parseDigitalwires(bytes);
  expect(delivery.recorded).toEqual([]);
  expect(delivery.stories).toHaveLength(1);
  return delivery.stories[0]!;
}

describe("parseDigitalwires — every sample", () => {
  for (const path of listSamples("dpa-digitalwires")) {
    it(`${path} yields one valid story`, () => {
      expect(NormalizedStorySchema.safeParse(onlyStory(readSample(path))).success).toBe(true);
    });
  }
});

describe("parseDigitalwires — eil.json", () => {
  const story = onlyStory(readSample("dpa-digitalwires/eil.json"));

  it("maps the metadata exactly", () => {
    expect(story.guid).toBe("urn:newsml:dpa.com:20090101:240925-930-242744");
    expect(story.version).toBe(1);
    expect(story.versionCreated).toBe("2024-09-25T10:37:24+02:00");
    expect(story.headline).toBe("Grünen-Spitze tritt nach Wahlniederlagen ab");
    expect(story.subheadline).toBeNull();
    // digitalwires has no slugline field; dpa's 7901 slug line is subjects/geo subjects/keywords.
    expect(story.slugline).toBe("Partei/Deutschland/Grüne");
    expect(story.byline).toBeNull();
    expect(story.dateline).toEqual({ text: "Berlin (dpa)", place: "Berlin", date: null, source: "dpa" });
    expect(story.urgency).toBe(2);
    expect(story.language).toBe("de");
    expect(story.agency).toBe("dpa");
    expect(story.pubStatus).toBe("usable");
    expect(story.abstract).toBeNull();
    expect(story.signals).toEqual([]);
    expect(story.keywords).toEqual(["Grüne"]);
    expect(story.categories).toEqual(["Partei", "Meldung"]);
    expect(story.editorNote).toBe("Zu diesem Text finden Sie Bilder mit folgendem Titel im dpa Bildangebot:\ndpa-Eilmeldung\ndpa abc yydd n1 sku");
  });

  it("keeps the body without the dateline", () => {
    expect(story.bodyHtml).toBe(
      "<p>Die Grünen-Spitze zieht nach den Misserfolgen der Partei bei mehreren Wahlen personelle Konsequenzen. Die Co-Vorsitzenden Ricarda Lang und Omid Nouripour gaben in Berlin den Rücktritt des gesamten Parteivorstandes im November bekannt. Zuvor hatte das Nachrichtenportal «Table Media» berichtet.</p>",
    );
    expect(story.wordCount).toBe(38);
  });

  it("strips the dateline span dpa repeats in article_html, once", () => {
    const repeated = sampleText("dpa-digitalwires/eil.json").replace(
      '<section class=\\"main\\"><p>',
      '<section class=\\"main\\"><p><span class=\\"dateline\\">Berlin <span class=\\"credit\\">(dpa)</span> - </span>',
    );
    const body = onlyStory(utf8(repeated)).bodyText;
    expect(body.startsWith("Die Grünen-Spitze zieht")).toBe(true);
    expect(body).not.toContain("(dpa)");
  });
});

describe("parseDigitalwires — other files", () => {
  it("tvo_pol: version 2, correction signal and note", () => {
    const story = onlyStory(readSample("dpa-digitalwires/tvo_pol.json"));
    expect(story.version).toBe(2);
    expect(story.signals).toEqual(["sig:correction"]);
    expect(story.editorNote).toMatch(/^Im Eintrag «Sitzungen und Statements der Bundestagsfraktionen»/);
    expect(story.slugline).toBe("Vorschau/Politik/Deutschland/Tagesvorschau/dpa");
    expect(story.bodyHtml).toContain('<a href="http://www.dpa-news.de"');
  });

  it("spe_tab: version 33, pubstatus null → usable, a table body", () => {
    const story = onlyStory(readSample("dpa-digitalwires/spe_tab.json"));
    expect(story.version).toBe(33);
    expect(story.pubStatus).toBe("usable");
    expect(story.urgency).toBe(3);
    expect(story.bodyHtml).toContain("<table>");
  });

  it("lesestuecke: no dateline, empty first paragraph dropped", () => {
    const story = onlyStory(readSample("dpa-digitalwires/lesestuecke.json"));
    expect(story.dateline).toEqual({ text: null, place: null, date: null, source: null });
    expect(story.bodyText.startsWith("Fragen-und-Antworten «Was Israel im Libanon erreichen will")).toBe(true);
  });

  it("accepts an { entries } response and reports typed errors", () => {
    const entry = JSON.parse(sampleText("dpa-digitalwires/eil.json")) as Record<string, unknown>;
    const delivery = parseDigitalwires(utf8(JSON.stringify({ entries: [entry, { ...entry, urn: "urn:2", version: 2 }] })));
    expect(delivery.stories.map((story) => [story.guid, story.version])).toEqual([
      ["urn:newsml:dpa.com:20090101:240925-930-242744", 1],
      ["urn:2", 2],
    ]);
    for (const [bytes, code] of [
      [utf8('{"urn": '), "malformed"],
      [utf8('{"headline": "no urn"}'), "malformed"],
      [utf8("[1]"), "malformed"],
      [utf8('{"entries": []}'), "no_story"],
    ] as const) {
      expect(() => parseDigitalwires(bytes)).toThrow(expect.objectContaining({ name: "WireParseError", code }));
    }
  });
});
