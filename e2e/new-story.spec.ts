import { expect, test, type Browser, type Page } from "./desk-test";
import { ensureUser, signedInPage, signIn, USER_PASSWORD } from "./helpers";
import { saveShot } from "./layout-helpers";
import { ingestStories, line, queue } from "./queue-helpers";

/** A signed-in page at 1,440 px (the desk's wide layout: queue and pane side by side). */
async function widePage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, USER_PASSWORD, 90_000);
  return page;
}

test("Shift+N starts a desk story another desk sees live; marked takes become one story with their sources", async ({ browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const [writer, other] = await Promise.all([ensureUser(request, baseURL!, "editor", "Nina Newsome"), ensureUser(request, baseURL!, "editor", "Otto Other")]);
  const tag = Date.now();
  const takes = [`Harbour fire spreads ${tag}`, `Crews contain harbour fire ${tag}`];
  await ingestStories(request, baseURL!, [
    { uri: `urn:e2e:takes:${tag}:1`, headline: takes[0]!, agency: "AP", body: "<p>Flames reached the container docks overnight.</p>" },
    { uri: `urn:e2e:takes:${tag}:2`, headline: takes[1]!, agency: "Reuters", body: "<p>Firefighters said the blaze was under control by noon.</p>" },
  ]);
  const page = await widePage(browser, writer);
  const watcher = await signedInPage(browser, other, { timeout: 90_000 });
  await expect(line(page, takes[1]!)).toBeVisible();

  // The ? dialog lists both new keys.
  await queue(page).focus();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Write a new story (Shift+N)");
  await expect(help).toContainText("New story from the marked takes (Shift+T)");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // Shift+N: a blank story, taken by the writer, open for editing with the focus in its headline.
  await queue(page).focus();
  await page.keyboard.press("Shift+N");
  const headline = page.getByRole("textbox", { name: "Headline", exact: true });
  await expect(headline).toBeFocused({ timeout: 30_000 });
  const ownHeadline = `Desk wrap ${tag}`;
  await page.keyboard.type(ownHeadline);
  // Another editor's queue shows it live, credited to the desk and held by the writer.
  await expect(line(watcher, ownHeadline)).toBeVisible({ timeout: 30_000 });
  await expect(line(watcher, ownHeadline)).toContainText("Desk");
  await expect(line(watcher, ownHeadline)).toContainText("in progress");
  await page.getByRole("button", { name: "Done" }).click();

  // Two takes marked with x; the bulk bar starts one story from them, in queue order (newest first).
  await line(page, takes[0]!).click();
  await page.keyboard.press("x");
  await line(page, takes[1]!).click();
  await page.keyboard.press("x");
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("2 marked");
  await bulk.getByRole("button", { name: /New story from these takes/ }).click();
  await expect(headline).toBeFocused({ timeout: 30_000 });
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(body).toContainText("Firefighters said the blaze was under control by noon.");
  await expect(body).toContainText("Flames reached the container docks overnight.");
  await expect(body.getByRole("heading", { name: takes[1]! })).toBeVisible();
  const sources = page.getByLabel("Sources");
  await expect(sources).toHaveText(`Sources: Reuters — ${takes[1]}, AP — ${takes[0]}`);
  await expect(sources.getByRole("link", { name: `AP — ${takes[0]}` })).toHaveAttribute("href", /^\/stories\/[0-9a-f]{24}$/);
  await expect(bulk).toBeHidden();

  await page.keyboard.type("Harbour fire: crews gain control");
  await expect(line(watcher, "Harbour fire: crews gain control")).toBeVisible({ timeout: 30_000 });
  // The writer's own queue shows it selected, not held behind "N new".
  await expect(line(page, "Harbour fire: crews gain control")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 30_000 });
  await saveShot(page, "new-story-sources-1440.png");
});

test("a blank desk story nobody titled, brought in as a take, adds no empty subhead and is credited as untitled", async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const page = await widePage(browser, await ensureUser(request, baseURL!, "editor", "Una Untitled"));
  const tag = Date.now();
  const take = `Bridge reopens ${tag}`;
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:untitled:${tag}`, headline: take, agency: "AP", body: "<p>Traffic is flowing again.</p>" }]);
  const blank = (await (await page.request.post("/api/stories", { data: {}, headers: { origin: baseURL! } })).json()) as { id: string };
  await page.reload();
  const blankLine = queue(page).locator(`[data-story-id="${blank.id}"]`);
  await expect(blankLine).toContainText("New story, no headline yet");

  await blankLine.click();
  await page.keyboard.press("x");
  await line(page, take).click();
  await page.keyboard.press("x");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: /New story from these takes/ }).click();
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(body).toContainText("Traffic is flowing again.", { timeout: 30_000 });
  await expect(body.getByRole("heading")).toHaveText([take]);
  const sources = page.getByLabel("Sources");
  await expect(sources).toHaveText(`Sources: Desk story (untitled), AP — ${take}`);
  await expect(sources.getByRole("link", { name: "Desk story (untitled)" })).toHaveAttribute("href", `/stories/${blank.id}`);
});
