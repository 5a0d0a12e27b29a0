import { expect, test, type Locator, type Page } from "./desk-test";
import { ensureUser, ingestNinjs, signedInPage } from "./helpers";
import { pageAt, saveShot } from "./layout-helpers";
import { line } from "./queue-helpers";

const VIEWERS = ["Ava Abbott", "Bram Berg", "Cleo Cruz", "Dov Dahl", "Eli Engel"];

/** Every mark drawn in the line's ON IT cell (the holder's square, avatars, "+N") lies inside the cell. */
async function expectMarksInsideCell(row: Locator, what: string): Promise<void> {
  const { cell, marks } = await row.locator(".queue-col-on-it").evaluate((element) => {
    const box = element.getBoundingClientRect();
    const drawn = [...element.querySelectorAll("[aria-hidden]")].map((mark) => mark.getBoundingClientRect()).filter((r) => r.width > 0);
    return { cell: { left: box.left, right: box.right }, marks: drawn.map((r) => ({ left: r.left, right: r.right })) };
  });
  expect(marks.length, what).toBeGreaterThan(0);
  for (const mark of marks) {
    expect(mark.left, `${what}: a mark starts at ${mark.left} px, the cell at ${cell.left}`).toBeGreaterThanOrEqual(cell.left - 0.5);
    expect(mark.right, `${what}: a mark ends at ${mark.right} px, the cell at ${cell.right}`).toBeLessThanOrEqual(cell.right + 0.5);
  }
}

/** At 1,440 and 1,024 px: the marks stay in the cell; a picture of each to look at. */
async function checkWidths(page: Page, row: Locator, name: string): Promise<void> {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await expectMarksInsideCell(row, `${name} at ${width} px`);
    await saveShot(page, `queue-on-it-${name}-${width}.png`);
  }
}

test("six people on one story: the ON IT cell shows what fits and +N, and the line names them all", async ({ browser, request, baseURL }) => {
  test.setTimeout(480_000); // six browsers signing in on a busy machine
  const holder = await ensureUser(request, baseURL!, "editor", "Hedda Holt");
  const emails = await Promise.all(VIEWERS.map((name) => ensureUser(request, baseURL!, "viewer", name)));
  const headline = `Crowded story ${Date.now()}`;
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:on-it:${Date.now()}`, headline });
  const desk = await pageAt(browser, { width: 1440, height: 800 }, holder);
  for (const email of emails) {
    const viewer = await signedInPage(browser, email, { timeout: 90_000 });
    await viewer.goto(`/?story=${id}`);
    await expect(viewer.getByRole("article", { name: "Story" })).toBeVisible({ timeout: 30_000 });
  }

  // Five others reading it: two avatars and "+3" (three marks fit), and the line's name lists all five.
  const row = line(desk, headline);
  const more = row.locator("[data-presence-more]");
  await expect(more).toHaveText("+3", { timeout: 15_000 });
  await expect(row.locator("[data-presence-mode]")).toHaveCount(2);
  for (const name of VIEWERS) await expect(row).toHaveAccessibleName(new RegExp(`${name} viewing`));
  await checkWidths(desk, row, "five");

  // Taken: the holder's square takes one mark's room, so one avatar and "+4".
  expect((await desk.request.post(`/api/stories/${id}/actions/take`, { data: {}, headers: { origin: baseURL! } })).status()).toBe(200);
  await expect(row.locator("[data-holder]")).toBeVisible();
  await expect(more).toHaveText("+4");
  await expect(row.locator("[data-presence-mode]")).toHaveCount(1);
  await expect(row).toHaveAccessibleName(/Taken by you/);
  for (const name of VIEWERS) await expect(row).toHaveAccessibleName(new RegExp(`${name} viewing`));
  await checkWidths(desk, row, "held");
});
