import { escapeHtml } from "../text/sanitize";
import { blocksOf } from "./teletype";
import { TELETYPE_WIDTH, unwrapLines } from "./wrapped-text";
import { largest, smallest } from "../text/extremes";

/** The body of a 7901 message split into publishable HTML, the not-for-publication notebook and the desk's closing line. */
export interface BodyParts {
  html: string;
  notebook: string | null;
  /** dpa's closing line of editor initials (`dpa abc yydd n1 sku`): out of the body, kept for the notes. */
  closingLine: string | null;
}

const NOTEBOOK = /^#\s*(?:notizblock|dpa notebook|notebook|notepad|bloc-notes|bloc de notas)\b/i;
const TABLE_ROW = /^\s*\|/;
const BULLET = /^\s*(?:[*+]|-(?=\s))\s+/;

/** dpa's closing line of editor initials, e.g. `dpa abc yydd n1 sku`, `dpa s5`. */
function isClosingLine(line: string, agency: string | null): boolean {
  const tokens = line.trim().split(/\s+/);
  const first = (tokens[0] ?? "").toLowerCase();
  const agencies = new Set(["dpa", agency?.toLowerCase() ?? "dpa", agency?.toLowerCase().split("-")[0] ?? "dpa"]);
  return agencies.has(first) && tokens.length <= 12 && tokens.slice(1).every((token) => /^[a-z0-9/]{1,12}$/.test(token));
}

function tableHtml(rows: readonly string[]): string {
  const cells = rows.map((row) => row.trim().replace(/^\||\|$/g, "").split("|").map((cell) => `<td>${escapeHtml(cell.trim())}</td>`));
  return `<table><tbody>${cells.map((row) => `<tr>${row.join("")}</tr>`).join("")}</tbody></table>`;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * A block whose first line is indented deeper than the lines after it marks paragraphs by that
 * indentation (fixed-width copy without blank lines): split where a line is indented again.
 */
function indentedParagraphs(lines: readonly string[]): string[][] {
  const first = indentOf(lines[0] ?? "");
  const least = smallest(lines.map(indentOf));
  if (lines.length < 2 || first <= least) return [[...lines]];
  const paragraphs: string[][] = [];
  for (const line of lines) {
    if (indentOf(line) > least || paragraphs.length === 0) paragraphs.push([line.slice(least)]);
    else paragraphs[paragraphs.length - 1]?.push(line.slice(least));
  }
  return paragraphs;
}

/** One blank-line separated block: a table, a list, or paragraphs whose hard breaks become `<br>`. */
function blockHtml(lines: readonly string[], width: number): string {
  if (lines.every((line) => TABLE_ROW.test(line))) return tableHtml(lines);
  const parts = indentedParagraphs(lines);
  if (parts.length > 1) return parts.map((part) => blockHtml(part, width)).join("\n");
  const logical = unwrapLines(lines, width);
  if (logical.every((line) => BULLET.test(line))) {
    return `<ul>${logical.map((line) => `<li>${escapeHtml(line.replace(BULLET, ""))}</li>`).join("")}</ul>`;
  }
  return `<p>${logical.map((line) => escapeHtml(line)).join("<br>")}</p>`;
}

/** Notebook lines as plain notes: markdown markers and `* * *` rules dropped, wrapped items joined. */
function notebookText(lines: readonly string[]): string | null {
  const notes: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed || /^(?:\*\s*)+$/.test(trimmed)) continue;
    const last = notes.length - 1;
    if (/^\s{2,}\S/.test(line) && last >= 0) notes[last] = `${notes[last] ?? ""} ${trimmed}`;
    else notes.push(trimmed.replace(/^#+\s*/, "").replace(BULLET, ""));
  }
  return notes.length > 0 ? notes.join("\n") : null;
}

/**
 * Splits the lines after the headline block into body HTML and the notebook (`# Notizblock` /
 * `# dpa NOTEBOOK`, not for publication) and the closing line of editor initials (for the notes).
 */
export function readBody(lines: readonly string[], agency: string | null): BodyParts {
  const content = [...lines];
  while (content.length > 0 && (content[content.length - 1] ?? "").trim() === "") content.pop();
  const last = content[content.length - 1];
  const closingLine = last !== undefined && isClosingLine(last, agency) ? last.trim() : null;
  if (closingLine !== null) content.pop();
  const notebookAt = content.findIndex((line) => NOTEBOOK.test(line.trim()));
  const bodyLines = notebookAt >= 0 ? content.slice(0, notebookAt) : content;
  const notebook = notebookAt >= 0 ? notebookText(content.slice(notebookAt + 1)) : null;
  // Copy indented as a whole (a fixed-width page) loses that margin; the wrap width is the longest
  // line's when it is narrower than dpa's 69 columns.
  const margin = smallest(bodyLines.filter((line) => line.trim() !== "").map(indentOf));
  const unindented = Number.isFinite(margin) && margin > 0 ? bodyLines.map((line) => line.slice(Math.min(margin, indentOf(line)))) : bodyLines;
  const width = Math.min(TELETYPE_WIDTH, largest(unindented.map((line) => line.trimEnd().length), 20));
  const html = blocksOf(unindented).map((block) => blockHtml(block, width)).join("\n");
  return { html, notebook, closingLine };
}
