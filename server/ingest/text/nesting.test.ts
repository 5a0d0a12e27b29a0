import { describe, expect, it } from "vitest";
import { sanitizeWireHtml } from "./sanitize";
import { capHtmlNesting, MAX_HTML_DEPTH } from "./nesting";

function maxDepth(html: string): number {
  let depth = 0;
  let most = 0;
  for (const [, slash] of html.matchAll(/<(\/?)(?!br\b|hr\b)[a-z][a-z0-9]*[^>]*>/g)) {
    depth += slash ? -1 : 1;
    most = Math.max(most, depth);
  }
  return most;
}

describe("capHtmlNesting", () => {
  it("leaves copy of any ordinary depth exactly as it is", () => {
    const story = `<p>Lead <b>bold <i>both</i></b><br />line</p>${"<ul><li><p>item</p></li></ul>".repeat(300)}<blockquote><p>“Quote”</p></blockquote>`;
    expect(capHtmlNesting(story)).toBe(story);
  });

  it("drops the opening and closing tags past the bound, keeps every word, and the sanitizer's output nests no deeper", () => {
    const hostile = `${"<div><b>".repeat(5000)}deep text${"</b></div>".repeat(5000)}<p>after</p>`;
    const capped = capHtmlNesting(hostile);
    expect(maxDepth(capped)).toBe(MAX_HTML_DEPTH);
    expect(capped).toContain("deep text");
    expect(capped.endsWith("<p>after</p>")).toBe(true);
    const clean = sanitizeWireHtml(hostile);
    expect(clean).toContain("deep text");
    expect(clean).toContain("<p>after</p>");
    expect(maxDepth(clean)).toBeLessThanOrEqual(MAX_HTML_DEPTH);
  });

  it("sanitizes 800 KB nested 200,000 levels deep in well under a second (it took minutes)", () => {
    const started = performance.now();
    sanitizeWireHtml(`${"<div><b>".repeat(100_000)}x`);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
