import { describe, expect, it } from "vitest";
import { placeCaret } from "./y-text-field";

describe("a remote caret in a one-line field", () => {
  it("stays where it is inside the text box", () => {
    expect(placeCaret(120, 400, 8, false)).toEqual({ left: 120, outOfView: null });
    // At the end of text scrolled to its end, a pixel into the padding.
    expect(placeCaret(393.5, 400, 8, false)).toEqual({ left: 392, outOfView: null });
  });

  it("waits at the edge it left by when scrolled out of view, in either direction of text", () => {
    expect(placeCaret(900, 400, 8, false)).toEqual({ left: 392, outOfView: "end" });
    expect(placeCaret(-40, 400, 8, false)).toEqual({ left: 8, outOfView: "start" });
    // Right to left: the start is the right edge.
    expect(placeCaret(900, 400, 8, true)).toEqual({ left: 392, outOfView: "start" });
    expect(placeCaret(-40, 400, 8, true)).toEqual({ left: 8, outOfView: "end" });
  });
});
