import type { DemoItem } from "../demo-item";

/** Renders a demo item as plain text: headline, blank line, byline, then the paragraphs. */
export function renderPlain(item: DemoItem): string {
  const byline = item.story.byline ? [item.story.byline, ""] : [];
  return [item.headline, "", ...byline, ...item.paragraphs.flatMap((p) => [p, ""])].join("\n");
}
