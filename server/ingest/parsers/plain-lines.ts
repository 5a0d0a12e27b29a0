/** Line heuristics for flattened web copy (wire-formats.md §9). */

const FOOTER = /^(?:back to top(?: button)?|related (?:articles|posts|news|stories)|share this|you may also like|read more|tags?:|source:|©|\(c\)\s|copyright\b)/i;
const JUNK_WORDS = /^(?:share|tweet|print|email|menu|home|search|subscribe|login|log in|sign in|advertisement|related|read more|tags?:?)$/i;
const MAX_HEADLINE_WORDS = 20;

function words(line: string): string[] {
  return line.split(/\s+/).filter(Boolean);
}

/** True for a sentence-like line: it ends with `.`, `!`, `?` or a closing quote after one. */
export function isSentence(line: string): boolean {
  return /[.!?…][”"’'»)]*$/.test(line.trim());
}

/**
 * Navigation / boilerplate: camel-case joins glued inside a token, digit+underscore
 * prefixes (`0_Web_`), menu words, or ≤ 3 words without any punctuation.
 */
export function isJunkLine(line: string): boolean {
  const text = line.trim();
  if (!text) return true;
  if (/^\d+_/.test(text) || JUNK_WORDS.test(text)) return true;
  // Two or more lower→upper joins in one token (`storiesSvet.SlajderWorldWorld`); one is a brand (`PayPal`).
  if (words(text).some((word) => (word.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= 2)) return true;
  return words(text).length <= 3 && !/[.,:;!?'’"“”()-]/.test(text);
}

/** True for a line that starts the footer (`Back to top button`, `Related Articles`, `© …`). */
export function isFooterLine(line: string): boolean {
  return FOOTER.test(line.trim());
}

/** A headline candidate: ≤ 20 words, no final period, not junk, not all-caps navigation. */
export function isHeadlineCandidate(line: string): boolean {
  const text = line.trim();
  const count = words(text).length;
  if (count === 0 || count > MAX_HEADLINE_WORDS || /\.$/.test(text) || isJunkLine(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, "");
  return !(letters.length > 12 && letters === letters.toUpperCase());
}

/** Non-empty lines of plain text (a paragraph per line, blank lines or not), white space collapsed. */
export function textLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0);
}
