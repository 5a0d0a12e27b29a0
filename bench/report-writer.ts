import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describeMachine } from "./machine";
import type { BenchReport, Figure, PartResult } from "./report";

/** Formats a number for a table: thousands separators, fewer decimals for larger values. */
export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞";
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function verdict(figure: Figure): string {
  if (figure.met === null) return "—";
  return figure.met ? "met" : "NOT MET";
}

function figureRow(f: Figure): string[] {
  return [f.name, formatNumber(f.value), f.unit, formatNumber(f.baseline), f.ratio === null ? "—" : `${f.ratio.toFixed(2)}×`, f.target ?? "—", verdict(f)];
}

const HEADER = ["figure", "value", "unit", "baseline", "ratio", "target", "met"];

/** The Markdown table of one part's figures. */
export function partTable(part: PartResult): string {
  const rows = [HEADER, HEADER.map(() => "---"), ...part.figures.map(figureRow)];
  return rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`).join("\n");
}

function partSection(part: PartResult): string {
  const lines = [`## ${part.title}`, "", `Status: **${part.status}** · profile ${part.profile} · ran ${part.ranAt} · ${(part.durationMs / 1000).toFixed(1)} s`, ""];
  if (part.note) lines.push(part.note, "");
  if (part.figures.length) lines.push(partTable(part), "");
  const baselines = [...new Set(part.figures.map((f) => f.baselineName).filter((b): b is string => Boolean(b)))];
  if (baselines.length) lines.push(`Baselines: ${baselines.join("; ")}.`, "");
  const notes = part.figures.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`);
  if (notes.length) lines.push(...notes, "");
  return lines.join("\n");
}

/** The human report: machine header, then one section per part. */
export function renderMarkdown(report: BenchReport): string {
  const fd = report.fdLimit;
  return [
    "# Wiredesk benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run.ts) on ${report.date}. Each figure is measured beside its baseline in the same run; ratio = value / baseline.`,
    "",
    `- Node: ${report.node}`,
    `- CPU: ${report.cpuModel}, ${report.cores} cores`,
    `- Memory: ${(report.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB; ${report.platform}`,
    `- Open-file limit (soft/hard): ${fd.soft ?? "?"}/${fd.hard ?? "?"}`,
    "",
    ...report.parts.map(partSection),
  ].join("\n");
}

/** A plain-text table of every figure, for the terminal. */
export function renderConsole(parts: readonly PartResult[]): string {
  const rows = [["part", ...HEADER], ...parts.flatMap((p) => (p.figures.length ? p.figures.map((f) => [p.part, ...figureRow(f)]) : [[p.part, `(${p.status}${p.note ? `: ${p.note}` : ""})`, "", "", "", "", "", ""]]))];
  const widths = rows[0]!.map((_, i) => Math.min(60, Math.max(...rows.map((r) => (r[i] ?? "").length))));
  return rows.map((r) => r.map((c, i) => (i === 0 || i === 1 || i >= 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}

/**
 * Writes results.json and results.md into `outDir`. Parts run now replace the same parts of an
 * earlier report there, so `npm run bench:<part>` updates one section and keeps the others.
 */
export function writeReport(outDir: string, parts: readonly PartResult[]): BenchReport {
  mkdirSync(outDir, { recursive: true });
  const jsonFile = path.join(outDir, "results.json");
  let earlier: PartResult[] = [];
  if (existsSync(jsonFile)) {
    try {
      earlier = (JSON.parse(readFileSync(jsonFile, "utf8")) as BenchReport).parts ?? [];
    } catch {
      earlier = [];
    }
  }
  const order = ["fanout", "connections", "ingest", "queue", "coedit", "mixed", "publish"];
  const merged = [...earlier.filter((p) => !parts.some((n) => n.part === p.part)), ...parts].sort((a, b) => order.indexOf(a.part) - order.indexOf(b.part));
  const report: BenchReport = { date: new Date().toISOString(), ...describeMachine(), parts: merged };
  writeFileSync(jsonFile, `${JSON.stringify(report, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`);
  writeFileSync(path.join(outDir, "results.md"), renderMarkdown(report));
  return report;
}
