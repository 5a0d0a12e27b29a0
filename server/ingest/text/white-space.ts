/** A white-space run that `\s+` → " " would change: two or more characters, or one that is not a space. */
const IRREGULAR_SPACE = /\s{2,}|[^\S ]/g;
const PARAGRAPH_BREAK = /\n\s*\n/;

/** `replace(/\s+/g, " ").trim()`, touching only the runs that are not already one space. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(IRREGULAR_SPACE, " ").trim();
}

/**
 * Paragraphs of text: a white-space run holding two line feeds separates paragraphs, any other run
 * is one space; paragraphs are trimmed, empty ones dropped, the rest joined by a blank line.
 */
export function textParagraphs(text: string): string {
  let out = "";
  for (const part of text.split(PARAGRAPH_BREAK)) {
    const paragraph = collapseWhiteSpace(part);
    if (paragraph !== "") out = out === "" ? paragraph : `${out}\n\n${paragraph}`;
  }
  return out;
}
