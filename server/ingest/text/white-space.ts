/** A white-space run that `\s+` → " " would change: two or more characters, or one that is not a space. */
const IRREGULAR_SPACE = /\s{2,}|[^\S ]/g;

/** `replace(/\s+/g, " ").trim()`, touching only the runs that are not already one space. */
export function collapseWhiteSpace(text: string): string {
  return text.replace(IRREGULAR_SPACE, " ").trim();
}

/** What a white-space run becomes: a paragraph break if it holds two line feeds, else one space. */
function breakOrSpace(run: string): string {
  return run.indexOf("\n") !== run.lastIndexOf("\n") ? "\n\n" : " ";
}

/**
 * Paragraphs of text: a white-space run holding two line feeds separates paragraphs, any other run
 * is one space; paragraphs are trimmed, empty ones dropped, the rest joined by a blank line. (Every
 * run that needs changing is matched whole by IRREGULAR_SPACE, so one pass over the text does it.)
 */
export function textParagraphs(text: string): string {
  return text.replace(IRREGULAR_SPACE, breakOrSpace).trim();
}
