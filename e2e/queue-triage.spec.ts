import { expect, test } from "./desk-test";
import { ensureUser, signedInPage } from "./helpers";
import { ingestStories, line, queue } from "./queue-helpers";

test("an editor triages a new story from the keyboard: arrival, open, take, spike, undo, spike, unspike", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Tess Triage");
  const page = await signedInPage(browser, email);
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();

  const headline = `Triage arrival ${Date.now()}`;
  const [id] = await ingestStories(request, baseURL!, [{ uri: `urn:e2e:triage:${Date.now()}`, headline, urgency: 3 }]);
  const row = line(page, headline);
  // At the top with nothing selected, an arrival enters the queue directly, unread (bold).
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-read", "false");

  await queue(page).focus();
  await page.keyboard.press("j");
  await expect(row).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  const article = page.getByRole("article", { name: "Story" });
  await expect(article.getByRole("heading", { name: headline })).toBeVisible();
  await expect(article).toBeFocused();
  await expect(row).toHaveAttribute("data-read", "true");

  await page.keyboard.press("t");
  await expect(row).toContainText("in progress");
  await expect(article.getByLabel("State")).toHaveText("in progress");

  await page.keyboard.press("s");
  await expect(row).toContainText("spiked");
  await expect(page.getByRole("status").filter({ hasText: `Spiked “${headline}”` })).toBeVisible();
  // Undoing a spike returns the state before it: the story stays taken by the same editor.
  await page.keyboard.press("z");
  await expect(row).toContainText("in progress");

  await page.keyboard.press("s");
  await expect(row).toContainText("spiked");
  await page.keyboard.press("u");
  await expect(row).toContainText("in progress");
  const stored = (await (await page.request.get(`/api/stories/${id}`)).json()) as { state: string };
  expect(stored.state).toBe("in_progress");

  // Typing in a field never triggers a shortcut: "s" goes into the search box, the story stays in progress.
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search stories" });
  await expect(search).toBeFocused();
  await page.keyboard.type("st");
  await expect(search).toHaveValue("st");
  await page.keyboard.press("Escape");
  await expect(queue(page)).toBeFocused();
  // Escape applies the typed search at once, not a moment later under the keys meant for the queue.
  await expect(page).toHaveURL(/[?&]q=st(&|$)/);
  await page.keyboard.press("/");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(row).toContainText("in progress");

  // ? lists every shortcut in a dialog.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  for (const label of ["Next story", "Take the story", "Spike the story", "Undo the last spike", "Unspike the story", "Mark or unmark for a bulk action", "Search"]) {
    await expect(help.getByRole("cell", { name: label, exact: true })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("the same triage works with the mouse, and x marks stories for a bulk spike", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Mo Mouse");
  const page = await signedInPage(browser, email);
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  const tag = Date.now();
  const headlines = [1, 2, 3].map((n) => `Bulk candidate ${n} ${tag}`);
  await ingestStories(
    request,
    baseURL!,
    headlines.map((headline, n) => ({ uri: `urn:e2e:bulk:${tag}:${n}`, headline })),
  );
  for (const headline of headlines) await expect(line(page, headline)).toBeVisible();

  // Toolbar buttons in the reading pane.
  await line(page, headlines[0]!).click();
  const article = page.getByRole("article", { name: "Story" });
  await article.getByRole("toolbar", { name: "Story actions" }).getByRole("button", { name: "Take" }).click();
  await expect(line(page, headlines[0]!)).toContainText("in progress");
  await article.getByRole("button", { name: "Release" }).click();
  await expect(line(page, headlines[0]!)).toContainText("incoming");

  // x marks the selected line, a right click offers marking too; the bulk bar spikes them all, Undo brings them back.
  await page.keyboard.press("x");
  await line(page, headlines[1]!).click({ button: "right" });
  await page.getByRole("menu").getByRole("menuitem", { name: /Mark for a bulk action/ }).click();
  await expect(line(page, headlines[0]!)).toHaveAttribute("aria-checked", "true");
  await expect(line(page, headlines[1]!)).toHaveAttribute("aria-checked", "true");
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("2 marked");
  await bulk.getByRole("button", { name: /Spike marked/ }).click();
  await expect(line(page, headlines[0]!)).toContainText("spiked");
  await expect(line(page, headlines[1]!)).toContainText("spiked");
  await expect(line(page, headlines[2]!)).toContainText("incoming");
  await page.getByRole("status").filter({ hasText: "Spiked 2 stories" }).getByRole("button", { name: "Undo (z)" }).click();
  await expect(line(page, headlines[0]!)).toContainText("incoming");
  await expect(line(page, headlines[1]!)).toContainText("incoming");
});

test("opening a story that is still loading moves the focus to it once it arrives", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Tess Triage");
  const page = await signedInPage(browser, email);
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  const headline = `Slow to load ${Date.now()}`;
  const [id] = await ingestStories(request, baseURL!, [{ uri: `urn:e2e:slow:${Date.now()}`, headline }]);
  const row = line(page, headline);
  await expect(row).toBeVisible();
  // The story's own request takes a while, as on a busy server.
  await page.route(`**/api/stories/${id}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });

  await queue(page).focus();
  await page.keyboard.press("j");
  await expect(row).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Loading…")).toBeVisible();
  const article = page.getByRole("article", { name: "Story" });
  await expect(article.getByRole("heading", { name: headline })).toBeVisible();
  await expect(article).toBeFocused();
  // The keys now act on the open story.
  await page.keyboard.press("t");
  await expect(article.getByLabel("State")).toHaveText("in progress");
});
