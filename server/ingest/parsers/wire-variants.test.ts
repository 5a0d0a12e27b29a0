import { describe, expect, it } from "vitest";
import { parseDelivery } from "../parse-delivery";
import { parseDateline } from "../text/dateline";
import { countWords } from "../text/word-count";
import { textDirection } from "../../contract/text-direction";
import { sniffFormat } from "./detect";
import { readVariant } from "./testing/variants";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

function story(bytes: Uint8Array) {
  const outcome = parseDelivery(bytes);
  if (!outcome.ok) throw outcome.error;
  expect(outcome.value.stories).toHaveLength(1);
  return { ...outcome.value.stories[0]!, format: outcome.value.format };
}

// eslint-disable-next-line no-control-regex -- control characters are what must never appear
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe("1. 7901 and ANPA as receivers store them", () => {
  it("reads a 7901 message whose control characters were stripped, with noise before it, in Latin-1", () => {
    const s = story(readVariant("teletype/7901-stripped-latin1.txt"));
    expect(s.format).toBe("iptc7901");
    expect(s).toMatchObject({ headline: "Rekord im Hamburger Hafen: 48 Frachter an einem Tag", urgency: 2, agency: "dpa", slugline: "Wirtschaft/Hafen/Hamburg" });
    expect(s.dateline).toMatchObject({ place: "Hamburg", source: "dpa" });
    expect(s.bodyText).toContain("festgemacht. Die Hafenverwaltung sprach von einem Rekord für den Monat.");
    expect(s.bodyText).not.toMatch(/RECEIVED|dpa xy|101137/);
    expect(s.versionCreated).toBe("2024-12-10T11:37:00+01:00");
  });

  it("reads control pictures (␁␂␃) and control names (<STX>) as the control characters", () => {
    const pictures = story(readVariant("teletype/7901-control-pictures.txt"));
    expect(pictures).toMatchObject({ format: "iptc7901", headline: "Regierungschefin tritt zurück", urgency: 1 });
    expect(pictures.versionCreated).toBe("2018-12-10T11:37:00Z");
    const named = story(readVariant("teletype/7901-named-controls.txt"));
    expect(named).toMatchObject({ format: "iptc7901", headline: "Heimsieg im Nordderby", urgency: 3, agency: "dpa-spe" });
    expect(named.bodyText).toBe("Werder Bremen hat das Nordderby gegen den Hamburger SV mit 2:1 gewonnen.");
  });

  it("joins an indented fixed-width body into paragraphs marked by first-line indentation", () => {
    const s = story(readVariant("teletype/7901-indented-fixed-width.txt"));
    expect(s).toMatchObject({ format: "iptc7901", headline: "Museum zeigt Werke aus vier Jahrhunderten", urgency: 4 });
    expect(s.bodyHtml).toBe(
      "<p>Das Museum am Königsplatz zeigt ab Freitag mehr als zweihundert Gemälde aus vier Jahrhunderten, darunter Leihgaben aus Wien, Paris und Madrid.</p>\n" +
        "<p>Die Schau ist bis zum Ende des kommenden Sommers zu sehen. Der Eintritt für Schüler ist frei.</p>",
    );
    expect(s.dateline.place).toBe("München");
  });

  it("reads ANPA without its SYN bytes, and ANPA stripped of every control character with spaces for TABs", () => {
    const noSync = story(readVariant("teletype/anpa-no-sync.anpa"));
    expect(noSync).toMatchObject({ format: "anpa", headline: "River bridge closed after barge strikes pier", urgency: 3, agency: "AP" });
    expect(noSync.bodyText).toContain("Engineers from the café district office");
    expect(noSync.editorNote).toBe("Moves on general news lines.\nEND");
    const stripped = story(readVariant("teletype/anpa-stripped.txt"));
    expect(stripped).toMatchObject({ format: "anpa", headline: "Strong earthquake shakes coastal city", urgency: 1, slugline: "Quake-Alert" });
    expect(stripped.bodyHtml).toBe("<p>A strong earthquake shook the coastal city early Wednesday, sending residents into the streets.</p>\n<p>There were no immediate reports of damage.</p>");
    expect(stripped.versionCreated).toBe("2024-12-11T04:12:00Z");
  });

  it("never reads a recognisable teletype message as plain text, and no control byte reaches the story", () => {
    for (const name of ["7901-stripped-latin1.txt", "7901-control-pictures.txt", "7901-named-controls.txt", "7901-indented-fixed-width.txt", "anpa-no-sync.anpa", "anpa-stripped.txt"]) {
      const bytes = readVariant(`teletype/${name}`);
      expect(sniffFormat(bytes).format).not.toBe("plain");
      const s = story(bytes);
      for (const value of [s.headline, s.bodyHtml, s.bodyText, s.editorNote ?? "", s.byline ?? ""]) expect(value).not.toMatch(CONTROL);
    }
    expect(sniffFormat(utf8("Harbour opens\n\nPORTVILLE (Reuters) - The harbour opened on Monday.")).format).toBe("plain");
  });
});

describe("2. Datelines as agencies write them", () => {
  const cases: ReadonlyArray<readonly [string, string, string | null, string]> = [
    ["(ANSA) - Rome, October 11 - The text.", "Rome", "ANSA", "The text."],
    ["Paris/Cannes (APA/dpa) - Der Text.", "Paris/Cannes", "APA/dpa", "Der Text."],
    ["Nueva Delhi, 21 ene (EFE).- El texto.", "Nueva Delhi", "EFE", "El texto."],
    ["BERLIN, 10. Dezember (dpa) - Der Text.", "BERLIN", "dpa", "Der Text."],
    ["HELSINKI (STT) – Teksti jatkuu.", "HELSINKI", "STT", "Teksti jatkuu."],
    ["ROMA, 11 ottobre (ANSA) — Testo.", "ROMA", "ANSA", "Testo."],
    ["Bern (SDA-ATS) - Text.", "Bern", "SDA-ATS", "Text."],
    ["القاهرة (رويترز) - قال مسؤول", "القاهرة", "رويترز", "قال مسؤول"],
    ["МОСКВА, 10 декабря (ТАСС) - Текст.", "МОСКВА", "ТАСС", "Текст."],
  ];
  for (const [opening, place, source, rest] of cases) {
    it(`parses ${opening.slice(0, 30)}`, () => {
      const found = parseDateline(opening);
      expect(found?.dateline).toMatchObject({ place, source });
      expect(found?.rest).toBe(rest);
    });
  }

  it("dates a day without year by the story's own time and keeps the dateline out of the lead", () => {
    const s = story(readVariant("xml/nitf-doctype-body-markup.xml"));
    expect(s.dateline).toMatchObject({ place: "Nueva Delhi", source: "EFE", date: "2025-01-21" });
    expect(s.bodyText.startsWith("La capital india registró")).toBe(true);
    const g2 = `<newsItem guid="urn:x:1" version="1"><itemMeta><itemClass qcode="ninat:text"/><versionCreated>2025-01-02T08:00:00Z</versionCreated></itemMeta><contentMeta><headline>H</headline></contentMeta><contentSet><inlineXML><html><body><p>(ANSA) - Rome, December 31 - Il testo.</p></body></html></inlineXML></contentSet></newsItem>`;
    const ansa = story(utf8(g2));
    expect(ansa.dateline).toMatchObject({ place: "Rome", source: "ANSA", date: "2024-12-31" });
    expect(ansa.bodyText).toBe("Il testo.");
  });

  it("takes the place from NewsML-G2 located/@literal when the body has none; a NITF story.date is the date, never the place", () => {
    expect(story(readVariant("xml/g2-located-literal.xml")).dateline.place).toBe("Roma");
    const nitf = `<nitf><head><docdata><doc-id id-string="d1"/></docdata></head><body><body.head><hedline><hl1>H</hl1></hedline><dateline><story.date norm="20250110T000000Z">Jan. 10</story.date></dateline></body.head><body.content><p>Text without dateline.</p></body.content></body></nitf>`;
    expect(story(utf8(nitf)).dateline).toMatchObject({ place: null, date: "2025-01-10" });
  });
});

describe("3. Sign-offs and trailers out of the body, into the notes", () => {
  it("moves desk initials, agency end marks, time trailers, END, Eds: notes, photo credits and header time lines", () => {
    const paragraphs = [
      "10.12.2024 11:37",
      "ZURICH (SDA) - The bank raised its forecast on Tuesday.",
      "AP Photo/Jane Example",
      "Eds: Adds quote from the chairman.",
      "Analysts had expected the move. (SDA\\/sj)",
      "Redaktion Wirtschaft, Tel.: +41 58 909 50 00",
      "dpa hm bs wjh",
      "asl/tib/pid",
      "ع ح/ م ك",
      "101137 GMT Dec 18",
      "-END-",
    ];
    const json = JSON.stringify({ uri: "urn:t:1", headline: "Bank raises forecast", body_text: paragraphs.join("\n\n") });
    const s = story(utf8(json));
    expect(s.bodyText).toBe("The bank raised its forecast on Tuesday.\n\nAnalysts had expected the move.");
    expect(s.bodyHtml).not.toMatch(/SDA\\?\/sj|wjh|101137|END|Eds:|AP Photo|Tel\./);
    expect(s.editorNote?.split("\n")).toEqual([
      "AP Photo/Jane Example",
      "Eds: Adds quote from the chairman.",
      "10.12.2024 11:37",
      "(SDA\\/sj)",
      "Redaktion Wirtschaft, Tel.: +41 58 909 50 00",
      "dpa hm bs wjh",
      "asl/tib/pid",
      "ع ح/ م ك",
      "101137 GMT Dec 18",
      "-END-",
    ]);
  });

  it("leaves ordinary closing sentences alone", () => {
    const json = JSON.stringify({ uri: "urn:t:2", headline: "H", body_text: "First paragraph.\n\nThe talks end on Friday.\n\nMore is expected." });
    expect(story(utf8(json)).bodyText).toBe("First paragraph.\n\nThe talks end on Friday.\n\nMore is expected.");
  });
});

describe("4. Agency markup inside standard containers", () => {
  it("a BYLINE element in a NITF body fills the byline; inline names keep their text", () => {
    const s = story(readVariant("xml/nitf-doctype-body-markup.xml"));
    expect(s.byline).toBe("Por Ana Ejemplo");
    expect(s.bodyText).not.toContain("Por Ana Ejemplo");
    expect(s.bodyText).toContain("servicio meteorológico IMD.");
    expect(s.bodyText).toContain("Las autoridades de Delhi abrieron refugios nocturnos, según Rajesh Ejemplo, portavoz municipal.");
  });

  it("escaped HTML in a text body is unescaped once and sanitized, never shown as tags", () => {
    const json = JSON.stringify({ uri: "urn:t:3", headline: "H", body_text: "&lt;p&gt;First &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Second.&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;" });
    const s = story(utf8(json));
    expect(s.bodyHtml).toBe("<p>First <b>bold</b>.</p><p>Second.</p>");
    const nitf = `<nitf><head><docdata><doc-id id-string="d2"/></docdata></head><body><body.content><p>&lt;p&gt;Uno.&lt;/p&gt;&lt;p&gt;Dos.&lt;/p&gt;</p></body.content></body></nitf>`;
    expect(story(utf8(nitf)).bodyText).toBe("Uno.\n\nDos.");
  });
});

describe("5. Standard DOCTYPEs", () => {
  it("reads a NITF whose DOCTYPE names the DTD by external identifier and parameter entity (Latin-1)", () => {
    const s = story(readVariant("xml/nitf-doctype-body-markup.xml"));
    expect(s).toMatchObject({ format: "nitf", headline: "La capital india registra la mañana más fría del invierno", agency: "EFE", language: "es-ES" });
  });

  it("still refuses a general entity (billion laughs, XXE)", () => {
    for (const doc of [
      `<!DOCTYPE nitf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><nitf><body><p>&b;</p></body></nitf>`,
      `<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><body><p>&xxe;</p></body></nitf>`,
    ]) {
      const outcome = parseDelivery(utf8(doc));
      expect(outcome.ok ? null : outcome.error.code).toBe("dtd_refused");
    }
  });
});

describe("6. Plain text as it is wrapped", () => {
  for (const name of ["wrapped-64-blank-lines.txt", "wrapped-72-indented.txt"]) {
    it(`joins ${name} into its three paragraphs`, () => {
      const s = story(readVariant(`plain/${name}`));
      expect(s.headline).toBe("Harbour authority opens third container terminal");
      expect(s.dateline).toMatchObject({ place: "PORTVILLE", source: "Reuters" });
      const paragraphs = s.bodyText.split("\n\n");
      expect(paragraphs).toHaveLength(3);
      expect(paragraphs[0]).toBe(
        "The harbour authority opened its third container terminal on Monday, doubling the port's capacity at a cost of 1.2 billion euros, its chairwoman told reporters at the quay.",
      );
    });
  }
});

describe("7. One vocabulary", () => {
  it("a correction is sig:correction from G2 and from 7901; agencies are spelled one way", () => {
    expect(story(readVariant("xml/g2-located-literal.xml")).signals).toEqual(["sig:correction"]);
    const teletype = "\x01bdt0001 3 pl 10  dpa 0001\r\n\r\nHafen/\r\n\x02(Berichtigung: Zahl korrigiert)\r\nTitel =\r\n\r\nHamburg (dpa) - Text.\r\n\x03151200 Jan 25\r\n\x04";
    expect(story(new Uint8Array(Buffer.from(teletype, "latin1"))).signals).toEqual(["sig:correction"]);
    const ninjs = (holder: string) => story(utf8(JSON.stringify({ uri: `urn:t:${holder}`, headline: "H", body_text: "Text.", copyrightholder: holder })));
    expect(ninjs("Agence France-Presse").agency).toBe("AFP");
    expect(ninjs("DPA").agency).toBe("dpa");
    expect(story(readVariant("xml/g2-located-literal.xml")).agency).toBe("ANSA");
  });

  it("keeps the dateline's credit as written while the agency is normalised", () => {
    const s = story(utf8(JSON.stringify({ uri: "urn:t:sda", headline: "H", body_text: "Bern (SDA-ATS) - Der Bundesrat hat entschieden." })));
    expect(s.dateline.source).toBe("SDA-ATS");
    expect(s.agency).toBe("Keystone-SDA");
  });
});

describe("8. Every script and language", () => {
  it("gives RTL languages their direction, others auto", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("he-IL")).toBe("rtl");
    expect(textDirection("fa")).toBe("rtl");
    expect(textDirection("de")).toBe("auto");
    expect(textDirection(null)).toBe("auto");
  });

  it("counts Chinese and Japanese by character, Arabic with vowel signs and Hindi by word", () => {
    expect(countWords("中国国务院总理")).toBe(7);
    expect(countWords("東京で地震が発生しました。")).toBe(12);
    expect(countWords("قالَ الرَّئِيسُ إِنَّ الحُكومةَ")).toBe(4);
    expect(countWords("प्रधानमंत्री ने कहा")).toBe(3);
    expect(countWords("می‌خواهم بروم")).toBe(2);
  });

  it("counts Thai, Lao and Khmer, written without spaces, by the words a segmenter finds", () => {
    // การ|ท่าเรือ|แถลง|เมื่อ|วัน|จันทร์|ว่า|เดือน|นี้|ทำ|สถิติ|ใหม่
    expect(countWords("การท่าเรือแถลงเมื่อวันจันทร์ว่าเดือนนี้ทำสถิติใหม่")).toBe(12);
    expect(countWords("ສະບາຍດີ ປະເທດລາວ")).toBe(3);
    expect(countWords("ព្រះរាជាណាចក្រកម្ពុជា")).toBe(2);
    // Mixed with Latin words and numbers, as a Bangkok dateline writes it.
    expect(countWords("BANGKOK (AP) การท่าเรือแถลง 2024")).toBe(6);
    expect(countWords("Bangkok การท่าเรือ")).toBe(3);
  });
});
