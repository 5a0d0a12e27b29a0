import { describe, expect, it } from "vitest";
import { markedTextToHtml, MATCH_CLOSE, MATCH_OPEN } from "./highlight-html";

const m = (text: string) => text.replaceAll("[", MATCH_OPEN).replaceAll("]", MATCH_CLOSE);

describe("highlight markup", () => {
  it("escapes the text and marks the matches", () => {
    expect(markedTextToHtml(m(`[Zebra] <script>alert("x")</script> & 'co' [zoo]`))).toBe(
      "<mark>Zebra</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; <mark>zoo</mark>",
    );
  });

  it("never produces unbalanced or nested marks, whatever markers the text holds", () => {
    expect(markedTextToHtml(m("a [b [c] d] e]"))).toBe("a <mark>b c</mark> d e");
    expect(markedTextToHtml(m("unclosed [match"))).toBe("unclosed <mark>match</mark>");
    expect(markedTextToHtml(m("] stray close"))).toBe(" stray close");
    expect(markedTextToHtml("plain")).toBe("plain");
  });
});
