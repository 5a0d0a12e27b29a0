import { describe, expect, it } from "vitest";
import { NormalizedStorySchema } from "../../domain/normalized-story";
import { parseIptc7901 } from "./iptc7901";
import { readTrailerTime } from "./iptc7901-header";
import { WireParseError } from "./parse-result";
import { listSamples, readSample } from "./testing/samples";

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

function onlyStory(bytes: Uint8Array) {
  const delivery = parseIptc7901(bytes);
  expect(delivery.stories).toHaveLength(1);
  return delivery.stories[0]!;
}

describe("parseIptc7901 — every sample", () => {
  for (const path of listSamples("anpa/iptc7901")) {
    it(`${path} yields one valid story`, () => {
      expect(NormalizedStorySchema.safeParse(onlyStory(readSample(path))).success).toBe(true);
    });
  }
});

describe("parseIptc7901 — dpa-eil.iptc (CRLF, Eil + 5 BEL)", () => {
  const story = onlyStory(readSample("anpa/iptc7901/dpa-eil.iptc"));

  it("maps header, slug line, headline block and trailer exactly", () => {
    expect(story.guid).toBe("urn:7901:dpa:bdt0000:partei-deutschland-grüne");
    expect(story.version).toBe(1);
    expect(story.headline).toBe("Grünen-Spitze tritt nach Wahlniederlagen ab");
    expect(story.slugline).toBe("Partei/Deutschland/Grüne");
    expect(story.keywords).toEqual(["Partei", "Deutschland", "Grüne"]);
    expect(story.byline).toBeNull();
    expect(story.dateline).toEqual({ text: "Berlin (dpa)", place: "Berlin", date: null, source: "dpa" });
    expect(story.urgency).toBe(2);
    expect(story.language).toBeNull();
    expect(story.agency).toBe("dpa");
    expect(story.categories).toEqual(["pl"]);
    expect(story.versionCreated).toBe("2024-09-25T10:37:00+02:00"); // dpa's trailer is Berlin time
  });

  it("keeps the body without the dateline, the notebook or the closing line (which goes last into the notes)", () => {
    expect(story.bodyText).toBe(
      "Die Grünen-Spitze zieht nach den Misserfolgen der Partei bei mehreren Wahlen personelle Konsequenzen. Die Co-Vorsitzenden Ricarda Lang und Omid Nouripour gaben in Berlin den Rücktritt des gesamten Parteivorstandes im November bekannt. Zuvor hatte das Nachrichtenportal «Table Media» berichtet.",
    );
    expect(story.editorNote).toBe("Redaktionelle Hinweise\nZu diesem Text finden Sie Bilder mit folgendem Titel im dpa Bildangebot:\ndpa-Eilmeldung\ndpa abc yydd n1 sku");
    expect(story.bodyText).not.toContain("sku");
  });
});

describe("parseIptc7901 — other dpa files", () => {
  it("tvo-pol: correction note, wrapped headline, hard line breaks and lists", () => {
    const story = onlyStory(readSample("anpa/iptc7901/dpa-tvo-pol.iptc"));
    expect(story.headline).toBe("dpa-Tagesvorschau Politik Deutschland für Dienstag, 24. September 2024");
    expect(story.signals).toEqual(["sig:correction"]);
    expect(story.editorNote?.split("\n").slice(0, 2)).toEqual(["Berichtigung: Uhrzeit korrigiert", "Vorschau"]);
    expect(story.urgency).toBe(3);
    expect(story.versionCreated).toBe("2024-09-24T09:42:00+02:00");
    expect(story.bodyHtml).toContain("<p>Ansprechpartner:<br />Redaktion Politik - Tel.: +49 30 2852 31301<br />E-Mail: politik-deutschland@dpa.com</p>");
    expect(story.bodyHtml).toContain("<li>Zusammenfassung, «Erste Schritte auf dem Weg zu «Brombeer»-Koalitionen» - 96 Zl.</li>");
    expect(story.bodyText).toContain("Nach der Landtagswahl in Brandenburg - Landes- und bundespolitische Debatte");
  });

  it("spe-tab: LF line ends, dpa-spe agency, German month trailer, tables", () => {
    const story = onlyStory(readSample("anpa/iptc7901/dpa-spe-tab.iptc"));
    expect(story.agency).toBe("dpa-spe");
    expect(story.guid).toBe("urn:7901:dpa-spe:spe0000:bundesliga-männer-ergebnisse");
    expect(story.versionCreated).toBe("2024-10-06T21:30:00+02:00");
    expect(story.bodyHtml.match(/<table>/g)).toHaveLength(3);
    expect(story.editorNote).toBeNull();
  });

  it("lesestuecke: genre note and non-public notebook go to the editor note", () => {
    const story = onlyStory(readSample("anpa/iptc7901/dpa-lesestuecke.iptc"));
    expect(story.urgency).toBe(4);
    expect(story.editorNote).toMatch(/^Achtung - Planungshinweis\nDie folgenden Informationen sind nicht zur Veröffentlichung bestimmt/);
    expect(story.bodyText).not.toContain("Autor/in");
  });
});

describe("readTrailerTime", () => {
  it("reads an unmarked trailer in the agency's local time, with that day's offset", () => {
    expect(readTrailerTime("151200 Jan 25", "dpa")).toBe("2025-01-15T12:00:00+01:00");
    expect(readTrailerTime("151200 Jul 25", "dpa-AFX")).toBe("2025-07-15T12:00:00+02:00");
    expect(readTrailerTime("151200 Jul 25", null)).toBe("2025-07-15T12:00:00+02:00"); // the dpa profile's zone
  });

  it("gets the offset right on both sides of a clock change", () => {
    expect(readTrailerTime("310130 Mar 24", "dpa")).toBe("2024-03-31T01:30:00+01:00");
    expect(readTrailerTime("310330 Mar 24", "dpa")).toBe("2024-03-31T03:30:00+02:00");
    expect(readTrailerTime("270130 Oct 24", "dpa")).toBe("2024-10-27T01:30:00+02:00");
    expect(readTrailerTime("270330 Oct 24", "dpa")).toBe("2024-10-27T03:30:00+01:00");
  });

  it("keeps a trailer marked GMT in UTC, and refuses an impossible time", () => {
    expect(readTrailerTime("212322 GMT Nov 18", "dpa")).toBe("2018-11-21T23:22:00Z");
    expect(readTrailerTime("212522 Nov 18", "dpa")).toBeNull();
  });
});

describe("parseIptc7901 — synthetic messages", () => {
  const message = (headline: string, body = "Hamburg (dpa) - Text.", trailer = "212322 GMT Nov 18") =>
    latin1(`\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nWirtschaft/Hafen/\r\n\x02${headline} =\r\n\r\n${body}\r\n\r\ndpa xy z1\r\n\r\n\x03${trailer}\r\n\x7f\x04`);

  it("reads Latin-1 bytes, a Blitz (10 BEL), a take line, a byline and a GMT trailer", () => {
    const story = onlyStory(message("1ST LEAD\r\n(Blitz \x07\x07\x07\x07\x07\x07\x07\x07\x07\x07)\r\nHafen \xfcberrascht\r\nVon Anna Beispiel, dpa"));
    expect(story).toMatchObject({ urgency: 1, version: 2, signals: ["sig:update"], headline: "Hafen überrascht", byline: "Von Anna Beispiel, dpa" });
    expect(story.versionCreated).toBe("2018-11-21T23:22:00Z");
    expect(story.dateline.place).toBe("Hamburg");
    expect(story.guid).toBe("urn:7901:dpa:eca062:wirtschaft-hafen");
  });

  it("reads an English URGENT prefix and a KILL; tolerates a missing ETX", () => {
    expect(onlyStory(message("URGENT: Port closes")).urgency).toBe(2);
    expect(onlyStory(message("KILL KILL KILL\r\nPort closes")).pubStatus).toBe("canceled");
    const truncated = latin1("\x01bdt0001 3 pl 10  dpa 0001\r\n\r\nHafen/\r\n\x02Titel =\r\n\r\nText ohne Ende");
    expect(onlyStory(truncated).bodyText).toBe("Text ohne Ende");
  });

  it("fails with typed errors without STX or without any text", () => {
    expect(() => parseIptc7901(latin1("\x01bdt0000 3 pl 1  dpa 0000\r\n"))).toThrow(WireParseError);
    expect(() => parseIptc7901(latin1("\x01bdt0000 3 pl 1  dpa 0000\r\n\x02\x03\x04"))).toThrow(expect.objectContaining({ code: "no_story" }));
  });
});
