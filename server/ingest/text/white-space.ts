/** A white-space run that `\s+` → " " would change: two or more characters, or one that is not a space. */
const IRREGULAR_SPACE = /\s{2,}|[^\S ]/g;

/** White space other than a plain space; and a space followed by any white space. */
const NOT_A_SPACE = /[^\S ]/;
const SPACE_THEN_WHITE = / \s/;

/**
 * `replace(/\s+/g, " ")`, touching only the runs that are not already one space. Most text has
 * none: two one-character-class scans say so about three times faster than the replace's scan.
 */
export function singleSpaced(text: string): string {
  return NOT_A_SPACE.test(text) || SPACE_THEN_WHITE.test(text) ? text.replace(IRREGULAR_SPACE, " ") : text;
}

/** `replace(/\s+/g, " ").trim()`. */
export function collapseWhiteSpace(text: string): string {
  return singleSpaced(text).trim();
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
