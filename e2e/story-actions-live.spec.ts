import { expect, test } from "./desk-test";
import { ensureUser, signedInPage } from "./helpers";
import { ingestStories, line } from "./queue-helpers";

test("editor A takes and spikes a story; editor B's queue and open story show it without reload", async ({ browser, request, baseURL }) => {
  const alice = await ensureUser(request, baseURL!, "editor", "Alice Action");
  const bob = await ensureUser(request, baseURL!, "editor", "Bob Onlooker");
  const pageA = await signedInPage(browser, alice);
  const pageB = await signedInPage(browser, bob);
  for (const page of [pageA, pageB]) await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  // A marker on B's window: a reload would drop it.
  await pageB.evaluate(() => Object.assign(window, { __noReload: true }));

  const headline = `Shared desk story ${Date.now()}`;
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:actions:${Date.now()}`, headline, urgency: 3 }]);
  const rowA = line(pageA, headline);
  const rowB = line(pageB, headline);
  await expect(rowA).toContainText("incoming");
  await expect(rowB).toContainText("incoming");
  await rowB.click();
  const articleB = pageB.getByRole("article", { name: "Story" });
  await expect(articleB.getByLabel("State")).toHaveText("incoming");

  await rowA.click();
  const articleA = pageA.getByRole("article", { name: "Story" });
  await articleA.getByRole("toolbar", { name: "Story actions" }).getByRole("button", { name: "Take" }).click();
  await expect(rowA).toContainText("in progress");
  await expect(rowB).toContainText("in progress", { timeout: 2000 });
  await expect(articleB.getByLabel("State")).toHaveText("in progress");

  await articleA.focus();
  await pageA.keyboard.press("s");
  await expect(rowA).toContainText("spiked");
  await expect(rowB).toContainText("spiked", { timeout: 2000 });
  await expect(articleB.getByLabel("State")).toHaveText("spiked");
  await expect(rowB).toHaveCount(1);

  expect(await pageB.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await pageB.screenshot({ path: "test-results/story-actions-live-editor-b.png" });
});

test("`e` on a submitted story opens it as it is; the first change returns it to in progress", async ({ browser, request, baseURL }) => {
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Erin Reopen"));
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  const headline = `Handed on story ${Date.now()}`;
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:handed-on:${Date.now()}`, headline, urgency: 3 }]);
  const row = line(page, headline);
  await row.click();
  const article = page.getByRole("article", { name: "Story" });
  const actions = article.getByRole("toolbar", { name: "Story actions" });
  await actions.getByRole("button", { name: "Take" }).click();
  await expect(row).toContainText("in progress");
  await actions.getByRole("button", { name: "Submit" }).click();
  await expect(row).toContainText("submitted");

  // The button says beforehand what a change would do; a stray `e` opens the editor, which says it too,
  // and the story stays in the chief's queue.
  await expect(article.getByRole("button", { name: /^Edit/ })).toHaveAttribute("title", "This story is submitted: a change made here returns it to in progress.");
  await article.focus();
  await page.keyboard.press("e");
  const field = page.getByRole("textbox", { name: "Headline", exact: true });
  // The pane takes the focus, not the headline: a second `e` (a double press) types nothing, and a letter
  // meant as text that lands on the pane runs no story action (s would spike it).
  await expect(page.getByRole("region", { name: "Editing" })).toBeFocused();
  await page.keyboard.press("e");
  await page.keyboard.press("s");
  const said = (text: string) => page.getByRole("status").filter({ hasText: text });
  await expect(said("This story is submitted: a change made here returns it to in progress.")).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(field).toHaveValue(headline);
  await expect(field).not.toBeFocused();
  await expect(row).toContainText("submitted");

  // A field changed first, then the headline: the reopen that typing makes is no conflict for the field's save.
  await page.getByLabel("Urgency", { exact: true }).selectOption("2");
  await field.click();
  await field.press("End");
  await field.pressSequentially(" today");
  await expect(row).toContainText("in progress");
  await expect(said("Editing returned this story from submitted to in progress.")).toBeVisible();
  await expect(row).toContainText(`${headline} today`);
  await page.getByRole("button", { name: "Save fields" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Urgency", { exact: true })).toHaveValue("2");
  await expect.poll(async () => ((await (await page.request.get(`/api/stories/${await row.getAttribute("data-story-id")}`)).json()) as { urgency: number }).urgency).toBe(2);
});
