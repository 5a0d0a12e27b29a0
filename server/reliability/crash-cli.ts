/**
 * `npm run test:crash [-- --stories N --runs R]`: the crash run (5,000 stories, 3 kill moments by
 * default), printing each run's figures; exits 1 if any story was lost or doubled or the file is damaged.
 */
import { parseArgs } from "node:util";
import { crashRun } from "./crash-run";

const { values } = parseArgs({ options: { stories: { type: "string", default: "5000" }, runs: { type: "string", default: "3" } } });
const stories = Number(values.stories);
const runs = Number(values.runs);
if (!Number.isInteger(stories) || stories < 10 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write("usage: npm run test:crash -- [--stories N (>= 10)] [--runs R (>= 1)]\n");
  process.exit(2);
}
let failed = false;
for (let run = 1; run <= runs; run++) {
  // Kill moments spread over the run: each run draws its own within its share of 5–95 %.
  const killAt = 0.05 + (0.9 * (run - 1 + Math.random())) / runs;
  const result = await crashRun({ stories, killAt });
  const ok = result.lostAfterKill === 0 && result.duplicated === 0 && result.missingAtEnd === 0 && result.integrity === "ok";
  failed ||= !ok;
  process.stdout.write(
    `run ${run}: killed after ${result.acknowledgedBeforeKill}/${stories} acknowledged (${result.killedAfterMs} ms, aimed at ${(killAt * 100).toFixed(0)} %); ` +
      `lost ${result.lostAfterKill}, duplicated ${result.duplicated}, missing at the end ${result.missingAtEnd}, integrity_check ${result.integrity}; ${(result.ms / 1000).toFixed(1)} s ${ok ? "OK" : "FAILED"}\n`,
  );
}
process.exit(failed ? 1 : 0);
