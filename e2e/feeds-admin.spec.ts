import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { expect, test, type Locator, type Page } from "./desk-test";
import { ADMIN, ensureUser, signIn, signedInPage } from "./helpers";

const stamp = Date.now();
const HEADLINES = [`Harbour reopens after storm ${stamp}`, `Council approves night trams ${stamp}`];
const ETAG = `"e2e-${stamp}"`;

/** A small RSS 2.0 document with two items, as an agency's feed would serve it. */
function rss(): string {
  const published = new Date().toUTCString();
  const items = HEADLINES.map(
    (title, i) =>
      `<item><guid isPermaLink="false">urn:e2e:feed:${stamp}:${i}</guid><title>${title}</title><description>&lt;p&gt;Text of the story ${i}.&lt;/p&gt;</description><pubDate>${published}</pubDate></item>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>E2E Feed Wire</title><link>http://example.org/</link><description>Test feed</description><language>en</language>${items}</channel></rss>`;
}

// The feed server: /feed.xml with an ETag (304 when the poller sends it back), /broken always 500.
let feedServer: Server;
let feedBase: string;
const feedRequests: IncomingHttpHeaders[] = [];

test.beforeAll(async () => {
  const body = rss();
  feedServer = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://feed").pathname;
    if (path === "/broken") return void res.writeHead(500).end("upstream trouble");
    if (path !== "/feed.xml") return void res.writeHead(404).end();
    feedRequests.push(req.headers);
    if (req.headers["if-none-match"] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: ETAG }).end(body);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  const address = feedServer.address();
  feedBase = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
test.afterAll(async () => {
  feedServer.closeAllConnections();
  await new Promise((resolve) => feedServer.close(resolve));
});

const addForm = (page: Page) => page.getByRole("form", { name: "Add a feed" });
const feedRow = (page: Page, name: string): Locator => page.getByRole("table", { name: "Pull feeds" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function addFeed(page: Page, feed: { name: string; url: string; interval: string; enabled: boolean }): Promise<void> {
  const form = addForm(page);
  await form.getByLabel("Name").fill(feed.name);
  await form.getByLabel("URL").fill(feed.url);
  await form.getByLabel("Interval (seconds)").fill(feed.interval);
  await form.getByLabel("Enabled").setChecked(feed.enabled);
  await form.getByRole("button", { name: "Add feed" }).click();
}

async function feedState(page: Page, name: string): Promise<{ enabled: boolean; intervalSeconds: number } | undefined> {
  const response = await page.request.get("/api/feeds");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { feeds: { name: string; enabled: boolean; intervalSeconds: number }[] }).feeds.find((f) => f.name === name);
}

test("an admin adds a pull feed, polls it, sees its stories on the desk, changes and removes it", async ({ browser }, testInfo) => {
  const name = `City wire ${stamp}`;
  const broken = `Broken wire ${stamp}`;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("button", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Feeds", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Pull feeds" })).toBeVisible();

  // The server's validation messages appear at the field they name.
  const form = addForm(page);
  await addFeed(page, { name, url: "ftp://127.0.0.1/feed.xml", interval: "60", enabled: false });
  await expect(form.getByRole("alert")).toHaveText("URL: Use an http:// or https:// URL.");
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("URL")).toBeFocused();
  await form.getByLabel("URL").fill(`${feedBase}/feed.xml`);
  await form.getByLabel("Interval (seconds)").fill("5");
  await form.getByRole("button", { name: "Add feed" }).click();
  await expect(form.getByRole("alert")).toHaveText("Interval: Poll at most every 15 seconds.");
  await expect(form.getByLabel("Interval (seconds)")).toBeFocused();
  expect(await feedState(page, name)).toBeUndefined();

  // Added disabled, so only Poll now fetches it: the first poll gets the body, the second a 304.
  await form.getByLabel("Interval (seconds)").fill("60");
  await form.getByRole("button", { name: "Add feed" }).click();
  await expect(page.getByRole("status")).toHaveText(`Added "${name}", disabled: Poll now tries it once.`);
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(form.getByLabel("Name")).toHaveValue("");
  const row = feedRow(page, name);
  await expect(row).toContainText(`${feedBase}/feed.xml`);
  await expect(row).toContainText("1 min");
  await expect(row).toContainText("never");
  await expect(row).toContainText("paused");
  await expect(row.getByRole("checkbox", { name: `${name} enabled` })).not.toBeChecked();

  await row.getByRole("button", { name: `Poll now: ${name}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Polled "${name}": 200, 2 new stories.`);
  await expect(row.getByRole("cell").nth(4)).toHaveText("200"); // the Status column
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\d+s ago2 new$/); // the Last poll column: when, and what it brought
  expect(feedRequests).toHaveLength(1);

  await row.getByRole("button", { name: `Poll now: ${name}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Polled "${name}": 304, nothing new since the last poll.`);
  await expect(row.getByRole("cell").nth(4)).toHaveText("304");
  await expect(row.getByRole("cell").nth(3)).toContainText("nothing new");
  expect(feedRequests[1]?.["if-none-match"]).toBe(ETAG);

  // Enable and disable: the switch, the next poll and the API agree.
  const enabled = row.getByRole("checkbox", { name: `${name} enabled` });
  await enabled.check();
  await expect(page.getByRole("status")).toContainText(`Enabled "${name}"`);
  await expect(enabled).toBeChecked();
  await expect(row).not.toContainText("paused");
  expect((await feedState(page, name))?.enabled).toBe(true);
  await enabled.uncheck();
  await expect(page.getByRole("status")).toHaveText(`Disabled "${name}": it is not polled until enabled again.`);
  await expect(row).toContainText("paused");
  expect((await feedState(page, name))?.enabled).toBe(false);

  // Edit in place with the keyboard: Escape cancels, Enter saves, a bad value keeps the form open.
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit feed ${name}` });
  await expect(edit.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(edit).toHaveCount(0);
  await expect(row.getByRole("button", { name: `Edit ${name}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await edit.getByLabel("URL").fill("mailto:desk@example.org");
  await page.keyboard.press("Enter");
  await expect(edit.getByRole("alert")).toHaveText("URL: Use an http:// or https:// URL.");
  await edit.getByLabel("URL").fill(`${feedBase}/feed.xml`);
  await edit.getByLabel("Interval (seconds)").fill("120");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(`Saved "${name}".`);
  await expect(row).toContainText("2 min");
  expect((await feedState(page, name))?.intervalSeconds).toBe(120);

  // A feed that fails shows why, the failures so far and the back-off.
  await addFeed(page, { name: broken, url: `${feedBase}/broken`, interval: "30", enabled: false });
  const brokenRow = feedRow(page, broken);
  await brokenRow.getByRole("button", { name: `Poll now: ${broken}` }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(`Polling "${broken}" failed (500): The feed answered 500 Internal Server Error.`);
  await expect(brokenRow).toContainText("1 · backing off");
  await expect(brokenRow.getByRole("cell").nth(4)).toHaveText("500");

  // A long URL must not push the table wider than the page.
  const long = `Long address ${stamp}`;
  const created = await page.request.post("/api/feeds", { data: { name: long, url: `${feedBase}/feeds/${"section/".repeat(20)}latest.xml?format=rss&lang=en`, intervalSeconds: 900, enabled: false } });
  expect(created.status()).toBe(201);
  await page.reload();
  await expect(feedRow(page, long)).toBeVisible();
  const overflow = await page.getByRole("table", { name: "Pull feeds" }).evaluate((table) => table.scrollWidth - table.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("feeds-light.png"), fullPage: true });
  await context.addCookies([{ name: "wd_theme", value: "dark", url: page.url() }]);
  await page.reload();
  await expect(feedRow(page, long)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("feeds-dark.png"), fullPage: true });

  // Remove asks first; Escape keeps the feed.
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  const confirm = row.getByRole("group", { name: `Remove ${name}?` });
  await expect(confirm.getByRole("button", { name: "Keep" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(row.getByRole("button", { name: `Remove ${name}` })).toBeFocused();
  await row.getByRole("button", { name: `Remove ${name}` }).click();
  await confirm.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status")).toHaveText(`Removed "${name}". The stories it brought stay on the desk.`);
  await expect(row).toHaveCount(0);
  expect(await feedState(page, name)).toBeUndefined();
  for (const other of [broken, long]) {
    await feedRow(page, other).getByRole("button", { name: `Remove ${other}` }).click();
    await feedRow(page, other).getByRole("button", { name: "Yes, remove" }).click();
    await expect(feedRow(page, other)).toHaveCount(0);
  }

  // The feed's stories are on the desk.
  await page.getByRole("link", { name: "Back to the desk" }).click();
  for (const headline of HEADLINES) await expect(page.getByRole("option", { name: new RegExp(headline) })).toBeVisible();
});

test("editors do not see the feeds link, the page or the API", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Fern Feeds");
  const page = await signedInPage(browser, email);
  await expect(page.getByRole("link", { name: "Feeds", exact: true })).toHaveCount(0);
  expect((await page.request.get("/api/feeds")).status()).toBe(403);
  await page.goto("/admin/feeds");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This needs the admin role or higher.");
  await expect(page.getByRole("form", { name: "Add a feed" })).toHaveCount(0);
});
