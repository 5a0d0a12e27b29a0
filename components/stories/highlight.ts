/** One run of highlighted text: matched by the search, or not. */
export interface HighlightPart {
  text: string;
  isMatch: boolean;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&apos;": "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Splits the server's highlight (escaped text with `<mark>` around matches) into plain text runs.
 * Only `<mark>` and `</mark>` are read as markup; anything else stays literal text, so the result is
 * rendered as text nodes and can never inject HTML.
 */
export function parseHighlight(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let isMatch = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") isMatch = true;
    else if (piece === "</mark>") isMatch = false;
    else if (piece) parts.push({ text: decodeEntities(piece), isMatch });
  }
  return parts;
}

/** The plain text of a highlight (to tell a marked headline from a body snippet). */
export function highlightPlainText(html: string): string {
  return parseHighlight(html)
    .map((p) => p.text)
    .join("");
}
