import { describe, expect, it } from "vitest";
import { storyColors, USER_COLORS, userColor } from "./user-color";

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("a person's colour", () => {
  it("is the same for the same person everywhere and spreads people over the palette", () => {
    expect(userColor("u-42")).toBe(userColor("u-42"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => userColor(`user-${i}`)));
    expect(used.size).toBe(USER_COLORS.length);
  });

  it.each(USER_COLORS)("%s carries white initials and names (4.5:1) and shows as a caret on the light and dark pane (3:1)", (color) => {
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(color, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast(color, "#020617")).toBeGreaterThanOrEqual(3); // slate-950, the dark pane
  });

  it("tells the people in one story apart, the same way on every screen, up to eight", () => {
    // Two ids with the same colour of their own.
    const ids = Array.from({ length: 200 }, (_, i) => `user-${i}`);
    const [a, b] = ids.filter((id) => userColor(id) === userColor(ids[0]!));
    const colors = storyColors([b!, a!, "someone-else"]);
    expect(colors(a!)).not.toBe(colors(b!));
    expect([colors(a!), colors(b!)]).toContain(userColor(a!));
    // Another screen lists them in another order: the same colours.
    const again = storyColors(["someone-else", a!, b!]);
    expect([a, b, "someone-else"].map((id) => again(id!))).toEqual([a, b, "someone-else"].map((id) => colors(id!)));
    // Eight people: eight colours; someone not in the story keeps their own.
    const eight = storyColors(ids.slice(0, 8));
    expect(new Set(ids.slice(0, 8).map(eight)).size).toBe(8);
    expect(eight("outsider")).toBe(userColor("outsider"));
  });
});
