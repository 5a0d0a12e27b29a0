import { unique } from "./story-builder";
import { unwrapLines } from "./wrapped-text";

/** What the headline block of a 7901 message (everything before the ` =` line end) says. */
export interface HeadlineBlock {
  headline: string;
  byline: string | null;
  urgency: number | null;
  notes: string[];
  signals: string[];
  takeVersion: number | null;
  canceled: boolean;
}

const PRIORITY_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:blitz|flash)\b/i, 1],
  [/^(?:eil|urgent|urgente|d'urgence|pilne)\b/i, 2],
];
const SIGNAL_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:berichtigung|korrektur|correction|version corregida|korekta)\b/i, "correction"],
  [/^(?:wiederholung|refile|rpt)\b/i, "refile"],
  [/^(?:aktualisierung|update|neu:)/i, "update"],
];
const TAKE = /^(\d+)(?:st|nd|rd|th)\s+lead\b/i;
const KILL = /^(?:kill kill kill|\*+ eliminar)/i;
const BYLINE = /^(?:Von|VON|By|BY|Par|Por|De|Di|Av|Af)\s+\p{Lu}[^=]{1,120}$/u;
const AGENCY_END = /,\s*(?:dpa|dpa-[\w-]+|afp|ap|reuters|epd|kna)\s*$/i;

/** Logical lines: a parenthesised note that wraps onto several lines is joined back. */
function logicalLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let open: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (open !== null) {
      open = `${open} ${line}`;
      if (line.endsWith(")")) {
        out.push(open);
        open = null;
      }
    } else if (line.startsWith("(") && !line.endsWith(")") && !line.includes(")")) open = line;
    else out.push(line);
  }
  if (open !== null) out.push(open);
  return out;
}

function classifyNote(inner: string, block: HeadlineBlock): void {
  for (const [pattern, urgency] of PRIORITY_WORDS) {
    if (pattern.test(inner)) {
      block.urgency = Math.min(block.urgency ?? 9, urgency);
      return;
    }
  }
  for (const [pattern, signal] of SIGNAL_WORDS) {
    if (pattern.test(inner)) block.signals.push(signal);
  }
  block.notes.push(inner);
}

/** `URGENT: Headline` / `FLASH: …` (dpa's international services put the priority in the title). */
function stripPriorityPrefix(title: string, block: HeadlineBlock): string {
  const match = /^(FLASH|URGENT|URGENTE|Blitz|Eil)\s*:?\s+(?=\S)/.exec(title);
  if (!match) return title;
  block.urgency = Math.min(block.urgency ?? 9, /flash|blitz/i.test(match[1] ?? "") ? 1 : 2);
  return title.slice(match[0].length);
}

/**
 * Reads the headline block of a dpa-profile IPTC 7901 message: leading `(…)` lines (priority
 * `(Eil …)`, correction `(Berichtigung: …)`, genre notes), take lines (`1ST LEAD`, `REFILE`), the
 * wrapped title, a byline (`Von X, dpa`) and trailing `(…)` notes. `bels` is the BEL count seen in it.
 */
export function readHeadlineBlock(lines: readonly string[], bels: number): HeadlineBlock {
  const block: HeadlineBlock = { headline: "", byline: null, urgency: null, notes: [], signals: [], takeVersion: null, canceled: false };
  const rest: string[] = [];
  for (const line of logicalLines(lines)) {
    const take = TAKE.exec(line);
    if (rest.length === 0 && line.startsWith("(") && line.endsWith(")")) classifyNote(line.slice(1, -1).trim(), block);
    else if (rest.length === 0 && take) {
      block.takeVersion = Number(take[1]) + 1;
      block.signals.push("update");
    } else if (rest.length === 0 && KILL.test(line)) block.canceled = true;
    else if (rest.length === 0 && /^(?:REFILE|CORRECTION|UPDATE|REPEAT)$/i.test(line)) classifyNote(line, block);
    else rest.push(line);
  }
  while (rest.length > 1 && /^\(.*\)$/.test(rest[rest.length - 1] ?? "")) block.notes.push((rest.pop() ?? "").slice(1, -1).trim());
  const bylineAt = rest.findIndex((line, index) => index > 0 && BYLINE.test(line) && (AGENCY_END.test(line) || index === rest.length - 1));
  if (bylineAt > 0) block.byline = rest.splice(bylineAt).join(" ");
  block.headline = stripPriorityPrefix(unwrapLines(rest).join(" ").trim(), block);
  if (bels >= 10) block.urgency = 1;
  else if (bels >= 5) block.urgency = Math.min(block.urgency ?? 9, 2);
  block.signals = unique(block.signals);
  return block;
}
