import { describe, expect, it } from "vitest";
import { expectLinear } from "../testing/linear-time";
import { withoutVersionMarkers } from "./agency-markers";

describe("an agency headline's version markers", () => {
  it("are left out of the desk's headline, alone or one after another", () => {
    expect(withoutVersionMarkers("UPDATE 1-River Eld breaks its banks")).toBe("River Eld breaks its banks");
    expect(withoutVersionMarkers("UPDATE 12-REFILE-Talks resume")).toBe("Talks resume");
    expect(withoutVersionMarkers("CORRECTED-RPT-Bank holds rates")).toBe("Bank holds rates");
    expect(withoutVersionMarkers("REFILE - Bank holds rates")).toBe("Bank holds rates");
  });

  it("keep a headline's own words, and a headline that is nothing but a marker", () => {
    expect(withoutVersionMarkers("Update 1 of the app breaks logins")).toBe("Update 1 of the app breaks logins");
    expect(withoutVersionMarkers("Storm: UPDATE 1-later")).toBe("Storm: UPDATE 1-later");
    expect(withoutVersionMarkers("EXCLUSIVE-Bank to cut jobs")).toBe("EXCLUSIVE-Bank to cut jobs");
    expect(withoutVersionMarkers("REFILE-")).toBe("REFILE-");
  });

  it("is linear in the headline's length", () => {
    expectLinear("withoutVersionMarkers", (n) => `${"UPDATE 1-REFILE ".repeat(200 * n)}x`, withoutVersionMarkers);
    expectLinear("withoutVersionMarkers, markers", (n) => `${"UPDATE 1-REFILE-".repeat(200 * n)}x`, withoutVersionMarkers);
  });
});
