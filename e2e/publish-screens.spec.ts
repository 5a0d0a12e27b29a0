import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "./desk-test";
import { ADMIN, ensureUser, ingestNinjs, signIn, USER_PASSWORD } from "./helpers";

const WIDTHS = [1440, 1024, 390] as const;
const THEMES = ["light", "dark"] as const;

/** A local webhook receiver: counts what it is sent. */
async function startReceiver(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push(`${String(req.headers["x-wiredesk-event"])}:${Buffer.concat(chunks).length}`);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/wiredesk`, received, close: () => new Promise((r) => server.close(() => r())) };
}

async function publish(request: APIRequestContext, baseURL: string, headline: string, body: string): Promise<string> {
  const id = await ingestNinjs(request, baseURL, { uri: `urn:e2e:screens:${headline}`, headline, body });
  for (const action of ["take", "submit", "approve", "publish"]) {
    const answer = await request.post(`${baseURL}/api/stories/${id}/actions/${action}`, { headers: { origin: baseURL }, data: {} });
    expect(answer.status(), `${action}: ${await answer.text()}`).toBe(200);
  }
  return id;
}

/** Page-wide horizontal overflow in CSS pixels (0: nothing sticks out sideways). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("the webhook admin registers a receiver and logs its deliveries; the public pages and the admin look right at every width and theme", async ({ browser, request, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const receiver = await startReceiver();
  try {
    const runId = Date.now().toString(36);
    const chief = await ensureUser(request, baseURL!, "chief", "Pia Publisher");
    expect((await request.post(`${baseURL}/api/auth/login`, { data: { email: chief, password: USER_PASSWORD } })).status()).toBe(200);

    const admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(admin, ADMIN.email, ADMIN.password, 30_000);
    await admin.goto("/admin/webhooks");
    const form = admin.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("Endpoint URL").fill(receiver.url);
    await form.getByLabel("Description").fill("Partner site");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(admin.getByRole("status")).toContainText("Its signing secret, shown this once: whsec_");

    const headline = `Ferry service resumes after repairs ${runId}`;
    const body = `<p>The island ferry ran again on Wednesday after three weeks of repairs to its ramp.</p><p>“We are glad to be back,” the operator said. Timetables are unchanged.</p><ul><li>First sailing 06:40</li><li>Last sailing 22:10</li></ul>`;
    const id = await publish(request, baseURL!, headline, body);
    await publish(request, baseURL!, `Library extends opening hours ${runId}`, "<p>The central library will open until 21:00 on weekdays.</p>");
    await expect.poll(() => receiver.received.filter((r) => r.startsWith("publish:")).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const log = admin.getByRole("table", { name: `Deliveries to ${receiver.url}` });
    await expect(log.getByRole("row").filter({ hasText: id })).toContainText("delivered", { timeout: 15_000 });

    const reader = await browser.newContext();
    const storyPage = await reader.newPage();
    await storyPage.goto("/news");
    await storyPage.getByRole("link", { name: headline }).click();
    const storyUrl = storyPage.url();
    await reader.close();

    for (const theme of THEMES) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
        const page = await context.newPage();
        await page.goto("/news");
        await expect(page.getByRole("link", { name: headline })).toBeVisible();
        expect(await overflow(page), `front page overflows at ${width}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: testInfo.outputPath(`public-front-${width}-${theme}.png`), fullPage: true });
        await page.goto(storyUrl);
        await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
        expect(await overflow(page), `story page overflows at ${width}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: testInfo.outputPath(`public-story-${width}-${theme}.png`), fullPage: true });
        await context.close();

        await admin.setViewportSize({ width, height: 900 });
        await admin.context().addCookies([{ name: "wd_theme", value: theme, url: baseURL! }]);
        await admin.reload();
        await expect(admin.getByRole("table", { name: `Deliveries to ${receiver.url}` })).toBeVisible();
        expect(await overflow(admin), `webhook admin overflows at ${width}`).toBeLessThanOrEqual(0);
        await admin.screenshot({ path: testInfo.outputPath(`webhooks-${width}-${theme}.png`), fullPage: true });
      }
    }
  } finally {
    await receiver.close();
  }
});
