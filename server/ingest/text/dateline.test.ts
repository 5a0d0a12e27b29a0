import { describe, expect, it } from "vitest";
import { datelineDateToIso, datelineFromField, parseDateline, stripRepeatedDateline } from "./dateline";

describe("parseDateline — the ten openings of wire-formats.md §9", () => {
  const cases: ReadonlyArray<readonly [string, { text: string; place: string; date: string | null; source: string }]> = [
    ["New York/Moscow, 28 January 2022 (dpa/MIA) — Russia said", { text: "New York/Moscow, 28 January 2022 (dpa/MIA)", place: "New York/Moscow", date: "2022-01-28", source: "dpa/MIA" }],
    ["MADRID, 21 Nov. 2024 (Europa Press) - El Gobierno", { text: "MADRID, 21 Nov. 2024 (Europa Press)", place: "MADRID", date: "2024-11-21", source: "Europa Press" }],
    ["STOCKHOLM, Aug 29, 2014 (AFP) - Sweden", { text: "STOCKHOLM, Aug 29, 2014 (AFP)", place: "STOCKHOLM", date: "2014-08-29", source: "AFP" }],
    [
      "Gaza City, Palestinian Territories, May 16, 2021 (AFP) - Israeli",
      { text: "Gaza City, Palestinian Territories, May 16, 2021 (AFP)", place: "Gaza City, Palestinian Territories", date: "2021-05-16", source: "AFP" },
    ],
    ["BUENOS AIRES, Argentina (AP) _ Women", { text: "BUENOS AIRES, Argentina (AP)", place: "BUENOS AIRES, Argentina", date: null, source: "AP" }],
    ["NEW YORK (AP) — Stocks", { text: "NEW YORK (AP)", place: "NEW YORK", date: null, source: "AP" }],
    ["Peine (dpa/lni) - Ein Feuer", { text: "Peine (dpa/lni)", place: "Peine", date: null, source: "dpa/lni" }],
    ["LONDON, Jan 4 (Reuters) - Britain", { text: "LONDON, Jan 4 (Reuters)", place: "LONDON", date: null, source: "Reuters" }],
    ["MOSCOW, Monday (Reuters) - Russia", { text: "MOSCOW, Monday (Reuters)", place: "MOSCOW", date: null, source: "Reuters" }],
    ["GROSSETO, Italy (AP) -- The trial", { text: "GROSSETO, Italy (AP)", place: "GROSSETO, Italy", date: null, source: "AP" }],
  ];
  for (const [opening, dateline] of cases) {
    it(opening, () => {
      const found = parseDateline(opening);
      expect(found?.dateline).toEqual(dateline);
      expect(found?.rest).toBe(opening.split(/\s(?:—|-|_|--)\s/).slice(1).join(" - "));
    });
  }
});

describe("parseDateline — more shapes", () => {
  it("reads the AP style without agency, with an optional region", () => {
    expect(parseDateline("WASHINGTON — The Senate voted")).toEqual({
      dateline: { text: "WASHINGTON", place: "WASHINGTON", date: null, source: null },
      rest: "The Senate voted",
    });
    expect(parseDateline("SAN JUAN, Puerto Rico — Power")?.dateline.place).toBe("SAN JUAN, Puerto Rico");
  });

  it("reads German, French, Spanish and numeric dates, and keeps a year-less day null", () => {
    expect(parseDateline("Berlin, 28. Januar 2022 (dpa) - Text")?.dateline.date).toBe("2022-01-28");
    expect(parseDateline("Paris, 3 août 2023 (AFP) - Texte")?.dateline.date).toBe("2023-08-03");
    expect(parseDateline("Madrid, 5 de marzo de 2021 (EFE) - Texto")?.dateline.date).toBe("2021-03-05");
    expect(parseDateline("Wien, 28/01/2022 (APA) - Text")?.dateline.date).toBe("2022-01-28");
    expect(parseDateline("Rome, 4 Jan (ANSA) - Text")?.dateline.date).toBeNull();
  });

  it("takes only the opening, with a dash, double dash, underscore or colon, and allows an empty rest", () => {
    expect(parseDateline("Berlin (dpa) -")).toEqual({ dateline: { text: "Berlin (dpa)", place: "Berlin", date: null, source: "dpa" }, rest: "" });
    expect(parseDateline("Oslo (NTB): Regjeringen")?.dateline.source).toBe("NTB");
    expect(parseDateline("Text first. Berlin (dpa) - later")).toBeNull();
  });
});

describe("parseDateline — guards", () => {
  it.each([
    "The minister said (on Monday) - it would rain",
    "Prices rose (see chart) - again",
    "A very long place name that goes on and on and on (dpa) - text",
    "Berlin 2022 (dpa) - digits are no place",
    "UPDATE 2 - Stocks fall",
    "NO — short caps word",
    "berlin (dpa) - lower-case place",
    "Berlin (dpa) without dash",
    "",
  ])("rejects %j", (opening) => {
    expect(parseDateline(opening)).toBeNull();
  });
});

describe("datelineFromField and stripRepeatedDateline", () => {
  it("reads a dateline field as formats carry it separately", () => {
    expect(datelineFromField("Berlin (dpa) - ")).toEqual({ text: "Berlin (dpa)", place: "Berlin", date: null, source: "dpa" });
    expect(datelineFromField("Berlin")).toEqual({ text: "Berlin", place: "Berlin", date: null, source: null });
    expect(datelineFromField("  ")).toBeNull();
  });

  it("removes the repeated dateline once, and only at the start", () => {
    const paragraph = "Berlin (dpa) - Die Grünen-Spitze tritt ab. Berlin (dpa) - bleibt.";
    expect(stripRepeatedDateline(paragraph, "Berlin (dpa) - ")).toBe("Die Grünen-Spitze tritt ab. Berlin (dpa) - bleibt.");
    expect(stripRepeatedDateline("Die Grünen (dpa) - x", "Berlin (dpa) -")).toBe("Die Grünen (dpa) - x");
    expect(stripRepeatedDateline("BERLIN - x", "BERLIN")).toBe("x");
    expect(stripRepeatedDateline("Text", null)).toBe("Text");
  });

  it("converts full dateline dates to ISO only", () => {
    expect(datelineDateToIso("Aug 29, 2014")).toBe("2014-08-29");
    expect(datelineDateToIso("29 February 2023")).toBeNull();
    expect(datelineDateToIso("Monday")).toBeNull();
    expect(datelineDateToIso("Montreal")).toBeNull();
  });
});
