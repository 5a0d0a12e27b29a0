import { describe, expect, it } from "vitest";
import { epochSeconds, isoDate, rfc822ToIso } from "./wire-dates";

describe("isoDate", () => {
  it("expands NITF/NewsML 1.2 compact timestamps with their offset", () => {
    expect(isoDate("20020225T143000-0500")).toBe("2002-02-25T14:30:00-05:00");
    expect(isoDate("20210516T080625Z")).toBe("2021-05-16T08:06:25Z");
    expect(isoDate("20210516T080625+0000")).toBe("2021-05-16T08:06:25+00:00");
    expect(isoDate("20010714")).toBe("2001-07-14");
  });

  it("keeps ISO 8601 as given (no zone invented) and trims", () => {
    expect(isoDate(" 2018-10-19T20:15:00Z\n ")).toBe("2018-10-19T20:15:00Z");
    expect(isoDate("2024-09-25T10:37:24+02:00")).toBe("2024-09-25T10:37:24+02:00");
    expect(isoDate("2021-05-16T09:00:04")).toBe("2021-05-16T09:00:04");
    expect(isoDate("2024-09-25T10:37:24+0200")).toBe("2024-09-25T10:37:24+02:00");
  });

  it("rejects garbage and impossible dates", () => {
    expect(isoDate("yesterday")).toBeNull();
    expect(isoDate("20241399T000000Z")).toBeNull();
    expect(isoDate(null)).toBeNull();
    expect(isoDate("")).toBeNull();
  });
});

describe("rfc822ToIso", () => {
  it("converts RFC 822 dates with names and numeric zones to UTC", () => {
    expect(rfc822ToIso("Thu, 01 Jan 2004 19:48:21 GMT")).toBe("2004-01-01T19:48:21Z");
    expect(rfc822ToIso("Wed, 25 Sep 2024 10:37:24 +0200")).toBe("2024-09-25T08:37:24Z");
    expect(rfc822ToIso("1 Jan 04 00:00 EST")).toBe("2004-01-01T05:00:00Z");
    expect(rfc822ToIso("2003-12-31T10:14:55Z")).toBe("2003-12-31T10:14:55Z");
    expect(rfc822ToIso("Fri, 31 Foo 2004 00:00:00 GMT")).toBeNull();
  });
});

describe("epochSeconds", () => {
  it("gives whole seconds; a zone-less time counts as UTC", () => {
    expect(epochSeconds("2004-01-01T19:48:21Z")).toBe(1072986501);
    expect(epochSeconds("2004-01-01T19:48:21")).toBe(1072986501);
    expect(epochSeconds(null)).toBeNull();
  });
});
