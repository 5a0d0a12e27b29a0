import { expect, test, type Page } from "./desk-test";
import { ensureUser, signedInPage } from "./helpers";
import { ingestStories, line, queue, readWholeQueue, type WireStory } from "./queue-helpers";

function batch(tag: string, from: number, count: number, label: string): WireStory[] {
  return Array.from({ length: count }, (_, i) => ({ uri: `urn:e2e:${tag}:${from + i}`, headline: `${label} ${tag} #${String(from + i).padStart(4, "0")}` }));
}

/** How many lines of the whole queue carry `tag`, and how often each of those headlines appears. */
async function countTagged(page: Page, tag: string): Promise<{ total: number; duplicates: string[]; headlines: Set<string> }> {
  const lines = await readWholeQueue(page);
  const pattern = new RegExp(`(Older|Arrival|Before|During|After) ${tag} #\\d{4}( v2)?`);
  const seen = new Map<string, number>();
  for (const text of lines.values()) {
    const headline = pattern.exec(text)?.[0];
    if (headline) seen.set(headline, (seen.get(headline) ?? 0) + 1);
  }
  return { total: [...seen.values()].reduce((a, b) => a + b, 0), duplicates: [...seen].filter(([, n]) => n > 1).map(([h]) => h), headlines: new Set(seen.keys()) };
}

test("300 stories arriving never move the selected line; '300 new' shows them", async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const tag = `arr${Date.now()}`;
  await ingestStories(request, baseURL!, batch(tag, 0, 150, "Older"));
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Sel Steady"));
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();

  // Scroll down into older copy and select a line in the middle of the screen.
  await queue(page).evaluate((el) => (el.scrollTop = 1900));
  const selected = line(page, `Older ${tag} #0050`);
  await selected.click();
  await expect(selected).toHaveAttribute("aria-selected", "true");
  const before = await selected.boundingBox();

  for (let i = 0; i < 60; i++) await ingestStories(request, baseURL!, batch(tag, 1000 + i * 5, 5, "Arrival"));

  const newButton = page.getByRole("button", { name: "↑ 300 new" });
  await expect(newButton).toBeVisible();
  const after = await selected.boundingBox();
  expect(after?.y).toBe(before?.y);
  await expect(selected).toHaveAttribute("aria-selected", "true");
  await expect(queue(page).getByRole("option").filter({ hasText: `Arrival ${tag}` })).toHaveCount(0);

  await newButton.click();
  await expect(newButton).toBeHidden();
  await expect(queue(page).getByRole("option").first()).toContainText(`Arrival ${tag} #1299`);
  expect(await queue(page).evaluate((el) => el.scrollTop)).toBe(0);
  const { total, duplicates } = await countTagged(page, tag);
  expect(duplicates).toEqual([]);
  expect(total).toBe(450);
});

test("offline for a while during arrivals, then online: every story exactly once, the new count right", async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  const tag = `off${Date.now()}`;
  await ingestStories(request, baseURL!, batch(tag, 0, 20, "Before"));
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Otto Offline"));
  const status = page.getByRole("status", { name: /Connection:/ });
  await expect(status).toHaveAttribute("data-state", "connected");
  await line(page, `Before ${tag} #0019`).click();

  await page.context().setOffline(true);
  await expect(status).toHaveAttribute("data-state", "offline");
  for (let i = 0; i < 8; i++) await ingestStories(request, baseURL!, batch(tag, 100 + i * 5, 5, "During"));
  // New agency versions of stories the desk already shows: they change in place, they are not new.
  await ingestStories(
    request,
    baseURL!,
    batch(tag, 0, 5, "Before").map((s) => ({ ...s, version: 2, headline: `${s.headline} v2` })),
  );
  await page.waitForTimeout(2000);
  await page.context().setOffline(false);
  await expect(status).toHaveAttribute("data-state", "connected");
  await ingestStories(request, baseURL!, batch(tag, 200, 10, "After"));

  await expect(page.getByRole("button", { name: "↑ 50 new" })).toBeVisible();
  await page.getByRole("button", { name: "↑ 50 new" }).click();
  const { total, duplicates, headlines } = await countTagged(page, tag);
  expect(duplicates).toEqual([]);
  expect(total).toBe(70);
  for (let i = 0; i < 5; i++) expect(headlines).toContain(`Before ${tag} #${String(i).padStart(4, "0")} v2`);
  expect(headlines).toContain(`During ${tag} #0139`);
  expect(headlines).toContain(`After ${tag} #0209`);
});
