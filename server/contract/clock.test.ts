import { describe, expect, it } from "vitest";
import { agencyTime, clockDateTime, clockTime, isTimeZone } from "./clock";

describe("clock times", () => {
  it("shows HH:MM in the desk's time zone", () => {
    expect(clockTime("2026-12-02T13:02:59Z", "UTC")).toBe("13:02");
    expect(clockTime("2026-12-02T13:02:00Z", "Europe/Berlin")).toBe("14:02");
    expect(clockTime("2026-12-02T23:30:00Z", "Asia/Kolkata")).toBe("05:00");
    expect(clockTime("not a time", "UTC")).toBe("--:--");
    expect(clockDateTime("2026-12-02T13:02:09Z", "UTC")).toBe("2 Dec 2026, 13:02:09");
  });

  it("keeps the agency's own filing time and offset", () => {
    expect(agencyTime("2026-12-02T09:02:00-05:00")).toBe("2026-12-02 09:02 -05:00");
    expect(agencyTime("2026-12-02T14:02:00Z")).toBe("2026-12-02 14:02 UTC");
    expect(agencyTime("2026-12-02T15:02:00+0100")).toBe("2026-12-02 15:02 +01:00");
    expect(agencyTime("yesterday")).toBe("yesterday");
  });

  it("knows real time zones only", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
