import { describe, expect, it } from "vitest";
import { anpaPriorityToUrgency, normalizeUrgency, urgencyLabel } from "./urgency";

describe("normalizeUrgency", () => {
  it("keeps values of every scale and clamps to the scale's range", () => {
    expect(normalizeUrgency(1, "iptc")).toBe(1);
    expect(normalizeUrgency(9, "iptc")).toBe(9);
    expect(normalizeUrgency(12, "iptc")).toBe(9);
    expect(normalizeUrgency(0, "iptc")).toBe(1);
    expect(normalizeUrgency(8, "nitf")).toBe(8);
    expect(normalizeUrgency(9, "nitf")).toBe(8);
    expect(normalizeUrgency("2", "7901")).toBe(2);
    expect(normalizeUrgency(" 4 ", "7901")).toBe(4);
    expect(normalizeUrgency(7, "7901")).toBe(6);
  });

  it("returns 5 for missing or garbage values", () => {
    for (const value of [null, undefined, "", "high", "2a", Number.NaN, Number.POSITIVE_INFINITY, 0.1, 2.5, "1e3"]) {
      expect(normalizeUrgency(value, "iptc")).toBe(5);
    }
    expect(normalizeUrgency("3.0", "iptc")).toBe(3);
  });
});

describe("anpaPriorityToUrgency and urgencyLabel", () => {
  it("maps the teletype priority letters", () => {
    const letters = { f: 1, b: 2, u: 3, r: 5, d: 6, h: 6, a: 7, s: 7, y: 8, x: 5, "": 5, F: 1 };
    for (const [letter, urgency] of Object.entries(letters)) expect(anpaPriorityToUrgency(letter)).toBe(urgency);
  });

  it("labels each of 1-9 from the contract's table (FLASH … LOWEST)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(urgencyLabel)).toEqual(["FLASH", "BULLETIN", "URGENT", "HIGH", "ROUTINE", "DEFERRED", "ADVANCE", "LOW", "LOWEST"]);
  });
});
