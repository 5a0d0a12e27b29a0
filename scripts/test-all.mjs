// `npm test`: every check in order — typecheck, lint, unit + integration (vitest), browser (Playwright).
import { spawnSync } from "node:child_process";

const steps = [
  ["typecheck", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]],
  ["lint", ["node_modules/eslint/bin/eslint.js", "."]],
  ["unit and integration tests", ["node_modules/vitest/vitest.mjs", "run"]],
  ["browser tests", ["scripts/e2e.mjs"]],
];
const started = Date.now();
for (const [name, args] of steps) {
  process.stderr.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(`\n${name} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}
process.stderr.write(`\nAll checks passed in ${Math.round((Date.now() - started) / 1000)} s.\n`);
