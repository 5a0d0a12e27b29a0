import sanitizeHtml from "sanitize-html";
import { LINK_SCHEMES } from "../../contract/link-schemes";
import { ALLOWED_TAGS } from "./allowed-html";
import { isCanonicalHtml } from "./canonical-html";
import { capHtmlNesting } from "./nesting";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: { a: ["href", "title"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan", "scope"], abbr: ["title"] },
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Text inside these is dropped with the tag, never shown as text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};
// transformTags adds rel/target after filtering; allow them on output.
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ["href", "title", "rel", "target"] };

/**
 * Reduces untrusted wire HTML to a small allow-list: no scripts, handlers, styles or unsafe URLs.
 * HTML that is already in the sanitizer's own output form (plain tags, escaped text) is kept as is.
 */
export function sanitizeWireHtml(html: string): string {
  return isCanonicalHtml(html) ? html.trim() : parseAndSanitize(html);
}

/** sanitizeWireHtml without the shortcut: always parsed by sanitize-html (the shortcut's reference), nesting bounded first. */
export function parseAndSanitize(html: string): string {
  return sanitizeHtml(capHtmlNesting(html), OPTIONS).trim();
}

/** Escapes text for safe inclusion in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Turns plain paragraphs into sanitized HTML paragraphs. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("\n");
}
