import { expect, request as playwrightRequest, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn, USER_PASSWORD } from "./helpers";
import { line, queue, readWholeQueue } from "./queue-helpers";
import { ServerProcess } from "./server-process";

const ADMIN = { email: "admin@restart.wiredesk", password: "restart-admin-password" };
const TOKEN = "restart-ingest-token-0123456789";

let server: ServerProcess;

test.beforeAll(async () => {
  server = await ServerProcess.start({ WIREDESK_ADMIN_EMAIL: ADMIN.email, WIREDESK_ADMIN_PASSWORD: ADMIN.password, WIREDESK_INGEST_TOKEN: TOKEN });
});
test.afterAll(async () => {
  await server?.dispose();
});

async function createEditor(name: string): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@restart.wiredesk`;
  expect((await api.post("/api/auth/login", { data: ADMIN })).status()).toBe(200);
  const created = await api.post("/api/users", { data: { email, name, role: "editor", password: USER_PASSWORD } });
  expect([201, 409]).toContain(created.status());
  await api.dispose();
  return email;
}

async function deskFor(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Generous: the machines that run this are shared and often slow.
  await signIn(page, email, USER_PASSWORD, 30_000);
  await expect(page.getByRole("status", { name: "Connection: Live" })).toBeVisible({ timeout: 30_000 });
  // Survives only as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  return page;
}

/** Posts one ninjs story to the ingest API; true when the server answered 2xx. */
async function postStory(uri: string, headline: string): Promise<boolean> {
  const body = JSON.stringify({ uri, version: "1", type: "text", pubstatus: "usable", urgency: 5, language: "en", headlines: [{ role: "main", value: headline }], bodies: [{ role: "main", contenttype: "text/html", value: "<p>Body.</p>" }], copyrightholder: "Restart Wire" });
  return fetch(`${server.url}/api/ingest?format=ninjs`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body }).then((r) => r.ok, () => false);
}

/**
 * Posts one story every 250 ms, as an agency's sender does: a story whose POST failed (the server is
 * away) is sent again until it gets a 2xx. Returns the headlines that were acknowledged.
 */
function startSender(tag: string) {
  const acknowledged: string[] = [];
  let isRunning = true;
  const done = (async () => {
    for (let i = 0; isRunning; i++) {
      const headline = `Wire ${tag} #${String(i).padStart(4, "0")}`;
      let isAcknowledged = false;
      while (isRunning && !(isAcknowledged = await postStory(`urn:restart:${tag}:${i}`, headline))) await new Promise((r) => setTimeout(r, 200));
      if (isAcknowledged) acknowledged.push(headline);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    acknowledged,
    stop: async () => {
      isRunning = false;
      await done;
    },
  };
}

/** Every queue line carrying the tag, by headline, with how often each appears. */
async function taggedLines(page: Page, tag: string): Promise<Map<string, number>> {
  const newButton = page.getByRole("button", { name: /new$/ });
  if (await newButton.isVisible()) await newButton.click();
  const seen = new Map<string, number>();
  for (const text of (await readWholeQueue(page)).values()) {
    const headline = new RegExp(`Wire ${tag} #\\d{4}`).exec(text)?.[0];
    if (headline) seen.set(headline, (seen.get(headline) ?? 0) + 1);
  }
  return seen;
}

for (const signal of ["SIGTERM", "SIGKILL"] as const) {
  test(`a server stopped with ${signal} and started 3 s later: both desks keep everything, get every story, stay signed in`, async ({ browser }) => {
    test.setTimeout(240_000);
    const tag = `${signal.toLowerCase()}${Date.now()}`;
    const [emailA, emailB] = [await createEditor(`Ann ${signal}`), await createEditor(`Ben ${signal}`)];
    const deskA = await deskFor(browser, emailA);
    const deskB = await deskFor(browser, emailB);
    // The story desk A has open arrives before the stream (a line that moves cannot be clicked).
    const opened = `Opened ${tag}`;
    expect(await postStory(`urn:restart:${tag}:opened`, opened)).toBe(true);
    await line(deskA, opened).click({ timeout: 20_000 });
    const article = deskA.getByRole("article", { name: "Story" });
    await expect(article.getByRole("heading", { name: opened })).toBeVisible({ timeout: 20_000 });
    const sender = startSender(tag);
    try {
      await expect.poll(() => sender.acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(3);
      await restartAndCheck(signal, sender, deskA, deskB, article, opened, tag);
    } finally {
      await sender.stop();
    }
  });
}

/** Stops the server with the signal, checks both desks while it is away, starts it again 3 s later, checks everything arrived. */
async function restartAndCheck(signal: NodeJS.Signals, sender: ReturnType<typeof startSender>, deskA: Page, deskB: Page, article: Locator, opened: string, tag: string) {
  const stopped = await server.stop(signal);
  if (signal === "SIGTERM") {
    expect(stopped.code, server.stderr).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
  }
  for (const desk of [deskA, deskB]) {
    const status = desk.getByRole("status", { name: "Connection: Reconnecting…" });
    await expect(status).toBeVisible({ timeout: 20_000 });
    await expect(status).toContainText(/away \d+ s/);
    await expect(queue(desk).getByRole("option").first()).toBeVisible();
  }
  await expect(article.getByRole("heading", { name: opened })).toBeVisible();
  await deskA.waitForTimeout(3000);
  await expect(deskB.getByRole("status", { name: "Connection: Reconnecting…" })).toContainText(/away ([3-9]|[1-9]\d+) s|away \d+ min/);
  await server.boot();

  for (const desk of [deskA, deskB]) await expect(desk.getByRole("status", { name: "Connection: Live" })).toBeVisible({ timeout: 30_000 });
  const ackedBeforeEnd = sender.acknowledged.length;
  await expect.poll(() => sender.acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(ackedBeforeEnd + 5);
  await sender.stop();
  const last = sender.acknowledged[sender.acknowledged.length - 1]!;
  await expect(line(deskB, last)).toBeVisible({ timeout: 20_000 });

  for (const desk of [deskA, deskB]) {
    expect(desk.url()).not.toContain("/login");
    expect(await desk.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const seen = await taggedLines(desk, tag);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    expect([...sender.acknowledged].filter((h) => !seen.has(h))).toEqual([]);
    expect(seen.size).toBe(sender.acknowledged.length);
  }
  await expect(article.getByRole("heading", { name: opened })).toBeVisible();
}
