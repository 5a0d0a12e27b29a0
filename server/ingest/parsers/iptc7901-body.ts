import { escapeHtml } from "../sanitize";
import { blocksOf } from "./teletype";
import { unwrapLines } from "./wrapped-text";

/** The body of a 7901 message split into publishable HTML and the not-for-publication notebook. */
export interface BodyParts {
  html: string;
  notebook: string | null;
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

/** One blank-line separated block: a table, a list, or a paragraph whose hard breaks become `<br>`. */
function blockHtml(lines: readonly string[]): string {
  if (lines.every((line) => TABLE_ROW.test(line))) return tableHtml(lines);
  const logical = unwrapLines(lines);
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
 * `# dpa NOTEBOOK`, not for publication); the closing line of editor initials is dropped.
 */
export function readBody(lines: readonly string[], agency: string | null): BodyParts {
  const content = [...lines];
  while (content.length > 0 && (content[content.length - 1] ?? "").trim() === "") content.pop();
  if (content.length > 0 && isClosingLine(content[content.length - 1] ?? "", agency)) content.pop();
  const notebookAt = content.findIndex((line) => NOTEBOOK.test(line.trim()));
  const bodyLines = notebookAt >= 0 ? content.slice(0, notebookAt) : content;
  const notebook = notebookAt >= 0 ? notebookText(content.slice(notebookAt + 1)) : null;
  const html = blocksOf(bodyLines).map(blockHtml).join("\n");
  return { html, notebook };
}
