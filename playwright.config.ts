import { defineConfig } from "@playwright/test";

/**
 * Specs that start their own servers or drive three browsers or more at once: `npm test` runs them on
 * their own, one at a time, after the others (E2E_PHASE=solo), so a busy two-core machine never runs
 * them beside another spec. Every other spec (E2E_PHASE=shared) runs on E2E_WORKERS workers (1: on two cores one
 * worker already keeps both busy, and two made every test two to three times slower), each with its own
 * desk server (e2e/desk-test.ts). Without E2E_PHASE every spec runs.
 */
const SOLO_SPECS = ["coedit.spec.ts", "coedit-crash.spec.ts", "restart.spec.ts", "alarms.spec.ts", "queue-presence.spec.ts"].map((file) => `**/${file}`);
const phase = process.env.E2E_PHASE;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  ...(phase === "solo" ? { testMatch: SOLO_SPECS } : phase === "shared" ? { testIgnore: SOLO_SPECS } : {}),
  // Tests tagged @screenshots only take pictures to look at: `npm run screenshots` runs them.
  ...(process.env.E2E_SCREENSHOTS === "1" ? { grep: /@screenshots/ } : { grepInvert: /@screenshots/ }),
  fullyParallel: false,
  workers: phase === "solo" ? 1 : Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    // A failed test keeps its trace: every action with the page's DOM before and after. Without the
    // screencast: encoding its frames took a third of the machine's time in every test, failed or not.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
