import { describe, expect, it } from "vitest";
import { expectLinear } from "../testing/linear-time";
import { completeLink, isAllowedLink } from "./link-schemes";

describe("a link address as the editor typed it", () => {
  it("gets https:// or mailto: when typed without a scheme, as an address bar would", () => {
    expect(completeLink("example.com/page")).toBe("https://example.com/page");
    expect(completeLink(" www.example.org ")).toBe("https://www.example.org");
    expect(completeLink("news.example.co.uk:8080/a?b=c#d")).toBe("https://news.example.co.uk:8080/a?b=c#d");
    expect(completeLink("desk@example.org")).toBe("mailto:desk@example.org");
  });

  it("leaves an address with a scheme, or one that is not an address, as it is (then allowed or refused)", () => {
    expect(completeLink("https://example.com")).toBe("https://example.com");
    expect(completeLink("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(completeLink("javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(isAllowedLink(completeLink("javascript:alert(1)"))).toBe(false);
    expect(completeLink("ftp://example.com")).toBe("ftp://example.com");
    expect(completeLink("/relative/path")).toBe("/relative/path");
    expect(completeLink("two words.com")).toBe("two words.com");
    expect(isAllowedLink(completeLink("example.com"))).toBe(true);
  });

  it("is linear in the address's length", () => {
    expectLinear("completeLink, host", (n) => `${"a.".repeat(500 * n)}!`, completeLink);
    expectLinear("completeLink, mail", (n) => `x@${"ab.".repeat(500 * n)}1`, completeLink);
  });
});
