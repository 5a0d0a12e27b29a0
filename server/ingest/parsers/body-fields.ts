import { cleanText } from "../text/plain-text";
import type { XmlElement } from "./xml/nodes";
import { classes, isElement, textOf } from "./xml/walk";

/** Fields an agency marked up inside a standard body (`<BYLINE>`, `<title>`, `<dateline>`, `<p class="byline">`). */
export interface BodyFields {
  byline: string | null;
  headline: string | null;
  dateline: string | null;
}

type FieldName = keyof BodyFields;

/** Element names (lower case) agencies use for fields inside a body. */
const FIELD_ELEMENTS: Readonly<Record<string, FieldName>> = {
  byline: "byline", "by-line": "byline", author: "byline", title: "headline", headline: "headline", dateline: "dateline",
};
/** Class names marking the same fields on ordinary elements. */
const FIELD_CLASSES: Readonly<Record<string, FieldName>> = {
  byline: "byline", author: "byline", "by-line": "byline", headline: "headline", title: "headline", dateline: "dateline",
};
const BLOCKS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "header"]);
/** Longest field text kept (bylines and datelines are short). */
const MAX_FIELD = 300;
/** Elements visited at most: field markup sits near the top of a body. */
const MAX_VISITED = 5000;

/** The field an element carries by its name or class, or null for story markup. */
export function bodyFieldOf(el: XmlElement): FieldName | null {
  const name = el.name.toLowerCase();
  const byName = FIELD_ELEMENTS[name];
  if (byName) return byName;
  // Only block elements: an inline `<span class="title">` is a title named in the story.
  if (!BLOCKS.has(name)) return null;
  for (const name of classes(el)) {
    const byClass = FIELD_CLASSES[name.toLowerCase()];
    if (byClass) return byClass;
  }
  return null;
}

/**
 * The first byline, title and dateline element inside a body (by element name or class), as text,
 * outside the subtrees `skip` leaves out of the body.
 * The serializers leave these elements out of the body HTML; inline name markup (`<person>`,
 * `<org>`, `<location>`) is not a field and keeps its text in the body.
 */
export function bodyFields(body: XmlElement, skip: (el: XmlElement) => boolean = () => false): BodyFields {
  const found: BodyFields = { byline: null, headline: null, dateline: null };
  const stack: XmlElement[] = [body];
  for (let visited = 0; stack.length > 0 && visited < MAX_VISITED; visited++) {
    const el = stack.pop() as XmlElement;
    // A dropped subtree (a figure, media) is not the story's: its byline is a photographer's.
    if (el !== body && skip(el)) continue;
    const field = el === body ? null : bodyFieldOf(el);
    if (field) {
      found[field] ??= cleanText(textOf(el).slice(0, MAX_FIELD));
      continue;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const kid = el.children[i];
      if (isElement(kid)) stack.push(kid);
    }
  }
  return found;
}
