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

/** An address typed without its scheme: a web host ("example.com/page", "www.example.org") or a mail address. */
const BARE_HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#:]\S*)?$/i;
const BARE_MAIL = /^[^\s@/:]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;

/**
 * The address an editor meant: one typed without its scheme gets `https://` (a host) or `mailto:` (a
 * mail address), as a browser's address bar would; anything else is left as it is (and then allowed or
 * refused by {@link isAllowedLink}).
 */
export function completeLink(address: string): string {
  const trimmed = address.trim();
  // Neither pattern lets a scheme through ("https:", "mailto:" and "javascript:" have no dot before their colon).
  if (BARE_MAIL.test(trimmed)) return `mailto:${trimmed}`;
  if (BARE_HOST.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}
