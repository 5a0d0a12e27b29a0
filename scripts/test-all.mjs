// `npm test`: every check — typecheck and lint (side by side: each keeps one core busy), then unit +
// integration (vitest), then browser (Playwright).
import { spawn, spawnSync } from "node:child_process";

/** Runs a node script with its output held, so two side by side print one after the other. */
function runHeld(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code, signal) => resolve({ name, status: code ?? (signal ? 1 : 0), output: Buffer.concat(output) }));
  });
}

const started = Date.now();
const fail = (name, status) => {
  process.stderr.write(`\n${name} failed (exit ${status}).\n`);
  process.exit(status || 1);
};

const checks = await Promise.all([
  runHeld("typecheck", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]),
  runHeld("lint", ["node_modules/eslint/bin/eslint.js", "."]),
]);
for (const { name, output } of checks) {
  process.stderr.write(`\n=== ${name} ===\n`);
  process.stderr.write(output);
}
for (const { name, status } of checks) if (status !== 0) fail(name, status);

for (const [name, args] of [
  ["unit and integration tests", ["node_modules/vitest/vitest.mjs", "run"]],
  ["browser tests", ["scripts/e2e.mjs"]],
]) {
  process.stderr.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (result.status !== 0) fail(name, result.status ?? 1);
}
process.stderr.write(`\nAll checks passed in ${Math.round((Date.now() - started) / 1000)} s.\n`);
