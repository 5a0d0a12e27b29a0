/** Marks the start of a match in text a store highlighted (a control character no story text keeps). */
export const MATCH_OPEN = "\u0002";
/** Marks the end of a match. */
export const MATCH_CLOSE = "\u0003";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Turns text with MATCH_OPEN/MATCH_CLOSE around matches into HTML-safe markup: every character of
 * the text is escaped and the only tags are balanced `<mark>`/`</mark>` pairs.
 */
export function markedTextToHtml(marked: string): string {
  let html = "";
  let isOpen = false;
  let textStart = 0;
  for (let i = 0; i <= marked.length; i++) {
    const ch = marked[i];
    if (ch !== undefined && ch !== MATCH_OPEN && ch !== MATCH_CLOSE) continue;
    html += escapeHtml(marked.slice(textStart, i));
    textStart = i + 1;
    if (ch === MATCH_OPEN && !isOpen) html += "<mark>";
    if (ch === MATCH_CLOSE && isOpen) html += "</mark>";
    if (ch !== undefined) isOpen = ch === MATCH_OPEN;
  }
  return isOpen ? `${html}</mark>` : html;
}

/** True when the marked text contains at least one match. */
export function hasMatch(marked: string): boolean {
  return marked.includes(MATCH_OPEN);
}
