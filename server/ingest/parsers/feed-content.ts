import { paragraphsToHtml, sanitizeWireHtml } from "../text/sanitize";
import { cleanText, htmlToText } from "../text/plain-text";
import type { XmlElement } from "./xml/nodes";
import { innerHtml } from "./xml/html";
import { attr, child, elements, textOf } from "./xml/walk";

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*[\s/>]|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** Plain text as paragraphs of HTML (blank lines separate paragraphs). */
function textToHtml(value: string): string {
  return paragraphsToHtml(value.split(/\r?\n\s*\r?\n/));
}

/**
 * HTML of a feed text construct. RSS `description`/`content:encoded` and Atom `type="html"` carry
 * escaped HTML (already unescaped once by the XML parser); Atom `type="xhtml"` carries inline markup;
 * `type="text"` is plain text. The result is still to be sanitized.
 */
export function feedHtml(el: XmlElement | null): string {
  if (!el) return "";
  const type = (attr(el, "type") ?? "").toLowerCase();
  if (attr(el, "src")) return "";
  if (type === "xhtml" || elements(el).length > 0) {
    const wrapper = elements(el).length === 1 ? child(el, "div") : null;
    return innerHtml(wrapper ?? el);
  }
  const value = textOf(el);
  if (type === "text" || type === "") return type === "" && LOOKS_LIKE_HTML.test(value) ? value : textToHtml(value);
  return value;
}

/** Plain one-line text of a feed text construct (titles may carry escaped markup). */
export function feedText(el: XmlElement | null): string | null {
  if (!el) return null;
  const html = feedHtml(el);
  return cleanText(htmlToText(sanitizeWireHtml(html)));
}
