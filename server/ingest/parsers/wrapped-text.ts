import { appendAll, largest, smallest } from "../text/extremes";

/** Line width of dpa's IPTC 7901 rendering (html2text/textwrap at 69 columns). */
export const TELETYPE_WIDTH = 69;

function firstWord(line: string): string {
  return line.trimStart().split(/\s+/)[0] ?? "";
}

/**
 * True when `next` continues `previous` because the wrapper ran out of room: the first word of
 * `next` would not have fitted on `previous`. Otherwise the break was in the source (`<br>`).
 */
export function isSoftBreak(previous: string, next: string, width = TELETYPE_WIDTH): boolean {
  if (/^\s*\|/.test(next) || /^\s*\|/.test(previous)) return false;
  if (/^\s*(?:[*+]|-(?=\s))\s/.test(next)) return false;
  return previous.length + 1 + firstWord(next).length > width;
}

/** Joins a wrapped continuation: a hyphen wrapped at the line end (`Fußball-` + `Bundesliga`) gets no space. */
export function joinWrapped(previous: string, next: string): string {
  const trimmed = next.trim();
  // Only the end of `previous` is looked at: an end-anchored pattern would rescan the growing paragraph.
  return /\p{L}-$/u.test(previous.slice(-4)) && /^\p{L}/u.test(trimmed) ? `${previous}${trimmed}` : `${previous} ${trimmed}`;
}

/**
 * Undoes the wrapping of one block: soft breaks are joined, hard breaks start a new logical line.
 * Each logical line is built from pieces joined once at its end (re-reading a growing string for
 * every wrapped line would make long paragraphs quadratic).
 */
export function unwrapLines(lines: readonly string[], width = TELETYPE_WIDTH): string[] {
  const logical: string[] = [];
  let pieces: string[] = [];
  let previousRaw = "";
  for (const line of lines) {
    if (pieces.length > 0 && isSoftBreak(previousRaw, line, width)) {
      const last = pieces[pieces.length - 1] ?? "";
      const joined = joinWrapped(last, line);
      pieces[pieces.length - 1] = joined.slice(0, last.length);
      pieces.push(joined.slice(last.length));
    } else {
      if (pieces.length > 0) logical.push(pieces.join(""));
      pieces = [line.trim()];
    }
    previousRaw = line;
  }
  if (pieces.length > 0) logical.push(pieces.join(""));
  return logical;
}

/** Widest and narrowest line width taken for hard-wrapped plain text. */
const MIN_WRAP = 30;
const MAX_WRAP = 100;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The width plain text was hard-wrapped at, or null when it was not: the longest line is at most
 * 100 columns and most lines that another line follows come near it (a text of one paragraph per
 * line, like flattened web copy, has long lines of any length).
 */
export function wrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.map((line) => line.trimEnd().length);
  const width = largest(lengths, 0);
  if (width < MIN_WRAP || width > MAX_WRAP) return null;
  let followed = 0;
  let full = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!(lines[i] ?? "").trim() || !(lines[i + 1] ?? "").trim()) continue;
    followed++;
    if ((lengths[i] ?? 0) + 1 + firstWord(lines[i + 1] ?? "").length > width) full++;
  }
  return followed >= 3 && full * 2 >= followed ? width : null;
}

/**
 * Paragraphs of hard-wrapped plain text: blank lines, or a line indented deeper than the lines of
 * its block, start a paragraph; lines the wrapper broke are joined (see {@link unwrapLines}).
 * Text that is not wrapped keeps one paragraph per line.
 */
export function unwrapPlainText(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const width = wrapWidth(lines);
  if (width === null) return lines;
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const least = smallest(block.map(indentOf));
    let paragraph: string[] = [];
    for (const line of block) {
      if (paragraph.length > 0 && indentOf(line) > least) {
        appendAll(out, unwrapLines(paragraph, width));
        paragraph = [];
      }
      paragraph.push(line);
    }
    appendAll(out, unwrapLines(paragraph, width));
    out.push("");
    block = [];
  };
  for (const line of lines) {
    if (line.trim()) block.push(line);
    else flush();
  }
  flush();
  return out;
}
