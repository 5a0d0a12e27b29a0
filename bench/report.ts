/** One measured figure as results.json stores it: value beside its baseline, the ratio and the verdict. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same measurement on the baseline, in the same run; null when the figure has none. */
  baseline: number | null;
  /** What the baseline is (e.g. "bare Socket.IO"). */
  baselineName: string | null;
  /** value / baseline; null without a baseline. */
  ratio: number | null;
  /** The target in words (e.g. "≤ 1.5× baseline and < 50 ms"); null for an informational figure. */
  target: string | null;
  /** Whether the target is met; null for an informational figure. */
  met: boolean | null;
  note?: string;
}

/** The result of one part of the suite. */
export interface PartResult {
  part: string;
  title: string;
  status: "ok" | "failed" | "n/a";
  /** Why the part failed or does not apply, or what to keep in mind when reading it. */
  note?: string;
  ranAt: string;
  profile: string;
  durationMs: number;
  figures: Figure[];
  /** Raw numbers behind the figures (full summaries, counts), for the machine. */
  details?: Record<string, unknown>;
}

/** What a figure is held to: a ceiling on the ratio to the baseline and/or bounds on the value. */
export interface Target {
  maxRatio?: number;
  /** A floor on the ratio to the baseline (throughput held against a reference). */
  minRatio?: number;
  maxValue?: number;
  minValue?: number;
  /** Comparison for maxValue: strict "<" (default) or "≤". */
  inclusive?: boolean;
}

/** Builds a figure, computing its ratio to the baseline and whether the target is met. */
export function makeFigure(input: {
  name: string;
  value: number;
  unit: string;
  baseline?: number | null;
  baselineName?: string | null;
  target?: Target;
  note?: string;
}): Figure {
  const baseline = input.baseline ?? null;
  // A ratio needs two positive numbers; a negative memory delta is noise at tiny sizes, not a saving.
  const ratio = baseline !== null && baseline > 0 && Number.isFinite(input.value) && input.value >= 0 ? input.value / baseline : null;
  const t = input.target;
  const words: string[] = [];
  const checks: boolean[] = [];
  let note = input.note;
  if (t?.maxRatio !== undefined) {
    words.push(`≤ ${t.maxRatio}× baseline`);
    // A baseline of zero or less (memory noise at tiny sizes) cannot be compared: no verdict rather than a false one.
    if (ratio === null) note = [note, "no verdict: the value or the baseline is not positive, so there is no ratio"].filter(Boolean).join("; ");
    else checks.push(ratio <= t.maxRatio);
  }
  if (t?.minRatio !== undefined) {
    words.push(`≥ ${t.minRatio}× baseline`);
    if (ratio === null) note = [note, "no verdict: the value or the baseline is not positive, so there is no ratio"].filter(Boolean).join("; ");
    else checks.push(ratio >= t.minRatio);
  }
  if (t?.maxValue !== undefined) {
    words.push(`${t.inclusive ? "≤" : "<"} ${t.maxValue} ${input.unit}`);
    checks.push(Number.isFinite(input.value) && (t.inclusive ? input.value <= t.maxValue : input.value < t.maxValue));
  }
  if (t?.minValue !== undefined) {
    words.push(`≥ ${t.minValue} ${input.unit}`);
    checks.push(Number.isFinite(input.value) && input.value >= t.minValue);
  }
  const figure: Figure = {
    name: input.name,
    value: input.value,
    unit: input.unit,
    baseline,
    baselineName: baseline === null ? null : (input.baselineName ?? null),
    ratio,
    target: words.length ? words.join(" and ") : null,
    met: checks.includes(false) ? false : checks.length && !(t?.maxRatio !== undefined && ratio === null) ? true : null,
  };
  if (note) figure.note = note;
  return figure;
}

/** The whole report: the machine it ran on and every part's result. */
export interface BenchReport {
  date: string;
  node: string;
  cpuModel: string;
  cores: number;
  totalMemoryBytes: number;
  platform: string;
  fdLimit: { soft: number | null; hard: number | null };
  parts: PartResult[];
}
