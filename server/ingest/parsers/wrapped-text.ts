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
  return /\p{L}-$/u.test(previous) && /^\p{L}/u.test(trimmed) ? `${previous}${trimmed}` : `${previous} ${trimmed}`;
}

/** Undoes the wrapping of one block: soft breaks are joined, hard breaks start a new logical line. */
export function unwrapLines(lines: readonly string[], width = TELETYPE_WIDTH): string[] {
  const logical: string[] = [];
  let previousRaw = "";
  for (const line of lines) {
    const last = logical.length - 1;
    if (last >= 0 && isSoftBreak(previousRaw, line, width)) logical[last] = joinWrapped(logical[last] ?? "", line);
    else logical.push(line.trim());
    previousRaw = line;
  }
  return logical;
}
