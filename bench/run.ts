/**
 * `npm run bench` (every part) and `npm run bench:<part>`: runs the benchmark suite, prints a table and
 * writes bench/results.md and bench/results.json. `--smoke` runs tiny sizes (and writes to bench/tmp/
 * unless `--out DIR` says otherwise). `--site-seconds N` adds the public site under readers (full-size
 * load, N seconds per block) to a smoke run, for a short look at its ratios. Only 127.0.0.1 is ever contacted.
 */
import path from "node:path";
import { cleanUpEverything, REPO_ROOT } from "./children";
import { FULL, SMOKE } from "./profiles";
import { renderConsole, writeReport } from "./report-writer";
import { runParts } from "./suite";

const args = process.argv.slice(2);
const isSmoke = args.includes("--smoke") || process.env.BENCH_PROFILE === "smoke";
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 && args[outIndex + 1] ? path.resolve(args[outIndex + 1]!) : path.join(REPO_ROOT, "bench", isSmoke ? "tmp" : "");
const siteIndex = args.indexOf("--site-seconds");
const names = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--out" && args[i - 1] !== "--site-seconds");
const base = isSmoke ? SMOKE : FULL;
const siteSeconds = siteIndex >= 0 ? Number(args[siteIndex + 1]) : null;
if (siteSeconds !== null && !(siteSeconds > 0)) throw new Error("--site-seconds needs a number of seconds");
const profile = siteSeconds === null ? base : { ...base, publish: { ...base.publish, site: { ...FULL.publish.site!, seconds: siteSeconds, warmupSeconds: 1 } } };

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the bench processes and removing temporary files…\n`);
    void cleanUpEverything().finally(() => process.exit(130));
  });
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const results = await runParts(names, profile, log);
const report = writeReport(outDir, results);
process.stdout.write(`\n${renderConsole(results)}\n\n`);
process.stdout.write(`Node ${report.node} · ${report.cpuModel} · ${report.cores} cores · wrote ${path.relative(process.cwd(), path.join(outDir, "results.md")) || "results.md"} and results.json\n`);
process.exit(results.some((r) => r.status === "failed") ? 1 : 0);
