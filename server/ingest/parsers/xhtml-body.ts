import { bodyFieldOf, bodyFields } from "./body-fields";
import { type ExtractedBody, stripDatelineMarkup } from "./nitf-body";
import type { XmlElement } from "./xml/nodes";
import { innerHtml } from "./xml/html";
import { classes, elements, findFirst } from "./xml/walk";

const DROP_ELEMENTS = new Set([
  "head", "title", "meta", "header", "footer", "nav", "aside", "figure", "figcaption", "img", "picture",
  "video", "audio", "iframe", "object", "script", "style", "time", "h1",
]);
// TT's `div.dat` carries vignette and source; dpa's notepad duplicates the editorial notes.
const DROP_CLASSES = new Set(["dat", "notepad", "slugline"]);

function dropped(el: XmlElement): boolean {
  const name = el.name.toLowerCase();
  if (DROP_ELEMENTS.has(name)) return true;
  if (classes(el).some((c) => DROP_CLASSES.has(c.toLowerCase()))) return true;
  // An image wrapper (e.g. Business Wire's `div#bwbodyimg`): the caption is not body text.
  return name === "div" && elements(el, "img").length > 0;
}

/**
 * Body HTML (unsanitized) of embedded XHTML/HTML: the content of `<body>` (or of the element itself),
 * without head, page header, h1 title, figures and image captions; the first inline dateline
 * (`<span class="dateline">`) is removed once and its text returned.
 */
export function xhtmlBodyToHtml(el: XmlElement): ExtractedBody {
  const body = el.name.toLowerCase() === "body" ? el : (findFirst(el, "body") ?? el);
  const { element, datelineText } = stripDatelineMarkup(body);
  const fields = bodyFields(element, dropped);
  const html = innerHtml(element, { drop: (node) => dropped(node) || bodyFieldOf(node) !== null });
  return { html, datelineText: datelineText ?? fields.dateline, byline: fields.byline, headline: fields.headline };
}
