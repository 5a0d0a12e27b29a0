import { test as base } from "@playwright/test";
import { ServerProcess } from "./server-process";

export * from "@playwright/test";

/** What every desk server of the browser tests runs with (the accounts and tokens the helpers use). */
export const DESK_TEST_ENV: Record<string, string> = {
  WIREDESK_ADMIN_EMAIL: "admin@e2e.wiredesk",
  WIREDESK_ADMIN_PASSWORD: "e2e-admin-password",
  WIREDESK_INGEST_TOKEN: "e2e-ingest-token-0123456789",
  // Hostile copy (e2e/xss.spec.ts) goes out to the public site whatever its headline's length.
  WIREDESK_PUBLISH_HEADLINE_MAX: "1000",
  WIREDESK_PUBLISH_ABSTRACT_MAX: "10000",
  // The feed specs poll receivers on loopback, which the outbound policy refuses by default.
  WIREDESK_ALLOW_PRIVATE_URLS: "1",
};

/**
 * Playwright's `test` with a desk server of each worker's own (the compiled server, a fresh database, a
 * free port): workers run specs side by side without seeing each other's stories, counts or sessions.
 */
export const test = base.extend<{ deskServerLog: void; closeOwnContexts: void }, { deskServer: ServerProcess }>({
  deskServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter
    async ({}, use) => {
      const server = await ServerProcess.start(DESK_TEST_ENV);
      await use(server);
      await server.dispose();
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ deskServer }, use) => use(deskServer.url),
  // A failed test prints what its desk server logged (warnings and errors), as CI keeps only the output.
  deskServerLog: [
    async ({ deskServer }, use, testInfo) => {
      await use();
      if (testInfo.status !== testInfo.expectedStatus && deskServer.stderr) process.stderr.write(`--- desk server log (${testInfo.title}) ---\n${deskServer.stderr.slice(-4000)}\n`);
    },
    { auto: true },
  ],
  // The browser lives as long as the worker: every context a test opened itself is closed after it, so
  // earlier tests' desks do not stay connected, taking every story event and CPU from the tests after.
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((context) => !before.has(context)).map((context) => context.close().catch(() => undefined)));
    },
    { auto: true },
  ],
});
