import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUpEverything } from "./children";
import { SMOKE } from "./profiles";
import type { BenchReport, PartResult } from "./report";
import { writeReport } from "./report-writer";
import { PARTS, runParts } from "./suite";

// The smoke form of every benchmark (tiny sizes), so the suite cannot rot between full runs. It checks the
// shape of the results and that each measurement is a positive number; targets are for `npm run bench`.
const results: PartResult[] = [];
const outDir = mkdtempSync(path.join(tmpdir(), "wiredesk-bench-smoke-"));

afterAll(async () => {
  await cleanUpEverything();
  rmSync(outDir, { recursive: true, force: true });
});

/**
 * Everything measured must be a positive number, except RSS per connection: at 50 sockets, freed and reused
 * pages make the RSS delta noise of either sign (heap after a full GC is steady enough to be positive).
 */
function expectMeasured(part: PartResult): void {
  expect(part.status, part.note).toBe("ok");
  expect(part.figures.length).toBeGreaterThan(0);
  for (const f of part.figures) {
    const isMemoryDelta = f.unit === "B/conn";
    expect(Number.isFinite(f.value), `${f.name} = ${f.value}`).toBe(true);
    if (isMemoryDelta) {
      if (f.name.startsWith("heap")) expect(f.value, f.name).toBeGreaterThan(0);
    }
    else if (!f.name.includes("stage") && !f.name.includes("after unloading")) expect(f.value, f.name).toBeGreaterThan(0);
    else expect(f.value, f.name).toBeGreaterThanOrEqual(0);
    if (f.baseline !== null) {
      expect(Number.isFinite(f.baseline), `${f.name} baseline`).toBe(true);
      expect(f.baselineName).toBeTruthy();
    }
    if (f.target !== null) expect([true, false, null]).toContain(f.met);
    else expect(f.met).toBeNull();
  }
}

describe("benchmark suite, smoke sizes", () => {
  for (const part of PARTS) {
    it(`${part.name}: ${part.run ? "runs and measures" : "is reported as not applicable yet"}`, { timeout: 60_000 }, async () => {
      const [result] = await runParts([part.name], SMOKE);
      results.push(result!);
      if (part.run) expectMeasured(result!);
      else expect(result).toMatchObject({ status: "n/a", figures: [] });
    });
  }

  it("fan-out latencies come with the baseline's and a verdict against 1.5×", () => {
    const fanout = results.find((r) => r.part === "fanout")!;
    const p95 = fanout.figures.find((f) => f.name.startsWith("fan-out p95"))!;
    expect(p95.ratio).toBeCloseTo(p95.value / p95.baseline!, 6);
    expect(p95.target).toContain("1.5× baseline");
  });

  it("writes results.json and results.md with the machine and every part", () => {
    writeReport(outDir, results);
    const report = JSON.parse(readFileSync(path.join(outDir, "results.json"), "utf8")) as BenchReport;
    expect(report.node).toBe(process.version);
    expect(report.cores).toBeGreaterThan(0);
    expect(report.cpuModel.length).toBeGreaterThan(0);
    expect(Date.parse(report.date)).not.toBeNaN();
    expect(report.parts.map((p) => p.part)).toEqual(PARTS.map((p) => p.name));
    const markdown = readFileSync(path.join(outDir, "results.md"), "utf8");
    for (const part of PARTS) expect(markdown).toContain(part.title);
    expect(markdown).toContain("| figure | value | unit | baseline | ratio | target | met |");
    expect(markdown).toContain("Co-editing is not in this mix");
  });
});
