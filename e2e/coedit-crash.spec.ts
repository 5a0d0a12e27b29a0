import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ADMIN, ensureUser, INGEST_TOKEN, ingestNinjs, signIn, USER_PASSWORD } from "./helpers";

/** A free loopback port for a server of this spec's own (the shared one must not be killed). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts the production server on `port` with the database in `dir`, and waits until it answers. */
async function startServer(port: number, dir: string): Promise<ChildProcess> {
  // The compiled server, as `npm start` runs it (scripts/e2e.mjs compiles it before the specs).
  const child = spawn(process.execPath, ["dist/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      WIREDESK_DB: path.join(dir, "crash.db"),
      WIREDESK_ADMIN_EMAIL: ADMIN.email,
      WIREDESK_ADMIN_PASSWORD: ADMIN.password,
      WIREDESK_INGEST_TOKEN: INGEST_TOKEN,
      WIREDESK_LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`http://localhost:${port}/healthz`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
    .toBe(200);
  return child;
}

test("the server killed with SIGKILL during typing and restarted: every acknowledged keystroke is there", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-crash-"));
  const baseURL = `http://localhost:${port}`;
  let server = await startServer(port, dir);
  try {
    const email = await ensureUser(request, baseURL, "editor", "Kim Killed");
    const id = await ingestNinjs(request, baseURL, { uri: `urn:e2e:crash:${Date.now()}`, headline: "Before" });
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, email, USER_PASSWORD, 45_000);
    await page.goto(`/stories/${id}`);
    await page.getByRole("button", { name: /^Edit/ }).click({ timeout: 30_000 });
    const headline = page.getByRole("textbox", { name: "Headline", exact: true });
    await expect(headline).toHaveValue("Before", { timeout: 30_000 });
    await headline.click();
    await headline.press("End");
    await headline.pressSequentially(" acked", { delay: 40 });
    // "All changes saved": the server has stored (acknowledged) every update typed so far.
    await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 20_000 });
    // Keep typing and kill the server in the middle of it.
    const typing = headline.pressSequentially(" and more while the server dies", { delay: 40 }).catch(() => undefined);
    await page.waitForTimeout(300);
    server.kill("SIGKILL");
    await typing;
    server = await startServer(port, dir);
    const story = (await (await fetch(`${baseURL}/api/stories/${id}`, { headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } })).json()) as { headline: string };
    expect(story.headline.startsWith("Before acked")).toBe(true);
    // The page reconnects by itself and sends what the dead server never acknowledged.
    await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(async () => ((await (await page.request.get(`/api/stories/${id}`)).json()) as { headline: string }).headline, { timeout: 5000 })
      .toBe("Before acked and more while the server dies");
    await context.close();
  } finally {
    server.kill("SIGKILL");
  }
});
