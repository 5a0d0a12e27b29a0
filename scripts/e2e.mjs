// `npm run test:e2e`: finds a browser, builds the app, then runs the Playwright tests (extra args pass through).
import { spawnSync } from "node:child_process";
import { findBrowser } from "./find-browser.mjs";

const run = (args, env) => spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
const browser = findBrowser();
process.stderr.write(`Browser tests use ${browser}\n`);
if (!process.env.E2E_SKIP_BUILD) {
  const build = run(["node_modules/next/dist/bin/next", "build"], { NODE_ENV: "production" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const test = run(["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], { CHROMIUM_PATH: browser });
process.exit(test.status ?? 1);
