/**
 * The schemes a link may use anywhere a story's text has links: web pages and mail. The wire sanitizer,
 * the body's reading into the shared document, the browser's second pass and the body editor all ask
 * here, so a link one of them keeps is never one another drops (or one only some would let through).
 */
export const LINK_SCHEMES = ["http", "https", "mailto"] as const;

/** An address that starts with one of {@link LINK_SCHEMES} and a colon, in any case. */
export const ALLOWED_LINK = new RegExp(`^(?:${LINK_SCHEMES.join("|")}):`, "i");

/** True when a link may point here (spaces around the address aside). */
export function isAllowedLink(href: string | null | undefined): boolean {
  return typeof href === "string" && ALLOWED_LINK.test(href.trim());
}
