// `npm run test:e2e`: finds a browser, builds the app (Next's pages unless E2E_SKIP_BUILD=1; the compiled
// server always, as it takes a second or two), then runs the Playwright tests: with arguments, those
// (they pass through); without, the shared specs side by side and then the solo ones, one at a time.
import { spawnSync } from "node:child_process";
import { findBrowser } from "./find-browser.mjs";

const run = (args, env) => spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
const browser = findBrowser();
process.stderr.write(`Browser tests use ${browser}\n`);
if (!process.env.E2E_SKIP_BUILD) {
  const build = run(["node_modules/next/dist/bin/next", "build"], { NODE_ENV: "production" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const serverBuild = run(["scripts/build-server.mjs"], {});
if (serverBuild.status !== 0) process.exit(serverBuild.status ?? 1);
const playwright = (args, env) => run(["node_modules/@playwright/test/cli.js", "test", ...args], { CHROMIUM_PATH: browser, ...env }).status ?? 1;
const args = process.argv.slice(2);
if (args.length > 0 || process.env.E2E_SCREENSHOTS === "1") process.exit(playwright(args, {}));
// The whole suite: the shared specs side by side, then the solo ones one at a time (playwright.config.ts).
const shared = playwright([], { E2E_PHASE: "shared" });
const solo = playwright([], { E2E_PHASE: "solo" });
process.exit(shared || solo);
