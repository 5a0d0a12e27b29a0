import { expect, test, type Page } from "./desk-test";
import { ensureUser, signedInPage } from "./helpers";
import { ingestStories, line, queue } from "./queue-helpers";

async function listedHeadlines(page: Page, tag: string): Promise<string[]> {
  const names = await queue(page).getByRole("option").filter({ hasText: tag }).allTextContents();
  const headline = new RegExp(`(Zebra|Giraffe) \\w+ ${tag} \\d`);
  return names.map((text) => headline.exec(text)?.[0] ?? text).sort();
}

test("filters and search combine, negate, live in the URL, and give the same results after a reload", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "viewer", "Fran Filter");
  const tag = `ftag${Date.now()}`;
  await ingestStories(request, baseURL!, [
    { uri: `urn:e2e:${tag}:a`, headline: `Zebra storm ${tag} 1`, urgency: 2, agency: "Filter Wire A" },
    { uri: `urn:e2e:${tag}:b`, headline: `Zebra vote ${tag} 2`, urgency: 2, agency: "Filter Wire B" },
    { uri: `urn:e2e:${tag}:c`, headline: `Zebra market ${tag} 3`, urgency: 6, agency: "Filter Wire A" },
    { uri: `urn:e2e:${tag}:d`, headline: `Giraffe storm ${tag} 4`, urgency: 2, agency: "Filter Wire A" },
  ]);
  const page = await signedInPage(browser, email);

  const search = page.getByRole("searchbox", { name: "Search stories" });
  await search.fill(`zebra ${tag}`);
  await search.press("Enter");
  await expect.poll(() => listedHeadlines(page, tag)).toEqual([`Zebra market ${tag} 3`, `Zebra storm ${tag} 1`, `Zebra vote ${tag} 2`]);
  // The matched words are highlighted.
  await expect(queue(page).getByRole("option", { name: new RegExp(`Zebra storm ${tag}`) }).locator("mark").first()).toHaveText(/zebra/i);

  await page.getByRole("combobox", { name: "Urgency to" }).selectOption("3");
  await page.getByRole("button", { name: /^Agency filter/ }).click();
  await page.getByRole("combobox", { name: "Agency Filter Wire B" }).selectOption("exclude");
  await page.keyboard.press("Escape");
  await expect.poll(() => listedHeadlines(page, tag)).toEqual([`Zebra storm ${tag} 1`]);

  const url = new URL(page.url());
  expect(url.searchParams.get("q")).toBe(`zebra ${tag}`);
  expect(url.searchParams.get("urgencyMax")).toBe("3");
  expect(url.searchParams.get("agency")).toBe("-Filter Wire B");

  await page.reload();
  await expect(queue(page)).toBeVisible();
  await expect.poll(() => listedHeadlines(page, tag)).toEqual([`Zebra storm ${tag} 1`]);
  await expect(search).toHaveValue(`zebra ${tag}`);
  await expect(page.getByRole("combobox", { name: "Urgency to" })).toHaveValue("3");
  await expect(page.getByRole("button", { name: "Agency filter: not Filter Wire B" })).toBeVisible();

  // The same URL opened by a colleague shows the same view.
  const colleague = await signedInPage(browser, await ensureUser(request, baseURL!, "viewer", "Cole League"));
  await colleague.goto(page.url());
  await expect.poll(() => listedHeadlines(colleague, tag)).toEqual([`Zebra storm ${tag} 1`]);

  // Saved as a view: it counts new matches until it is opened again.
  await page.getByRole("button", { name: /^Saved searches/ }).click();
  await page.getByRole("textbox", { name: "Name for this view" }).fill(`Zebras ${tag}`);
  await page.getByRole("button", { name: "Save view" }).click();
  const saved = page.getByRole("button", { name: new RegExp(`^Zebras ${tag}`) });
  await expect(saved).toContainText("0 new");
  await page.keyboard.press("Escape");
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:${tag}:e`, headline: `Zebra strike ${tag} 5`, urgency: 1, agency: "Filter Wire A" }]);
  await page.getByRole("button", { name: /^Saved searches/ }).click();
  await expect(saved).toContainText("1 new");
  await saved.click();
  await expect.poll(() => listedHeadlines(page, tag)).toEqual([`Zebra storm ${tag} 1`, `Zebra strike ${tag} 5`]);
  await page.getByRole("button", { name: /^Saved searches/ }).click();
  await expect(saved).toContainText("0 new");
  await page.keyboard.press("Escape");

  // A malformed search gets a friendly message, not an error page.
  await search.fill(`"zebra ${tag}`);
  await search.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "That search could not be read" })).toContainText("A quote is not closed");
  // The footer does not pretend the search ran and found nothing.
  await expect(page.getByRole("status", { name: "Queue status" })).toHaveText("Nothing to show: the queue could not be loaded (see above).");
});

test("a user opens on their own desk; new stories for that desk join live, others do not; the switcher shows every desk", async ({ browser, request, baseURL }) => {
  const tag = `desk${Date.now()}`;
  const email = await ensureUser(request, baseURL!, "viewer", `Dana Desk ${tag}`);
  const created = await request.post(`${baseURL}/api/desks`, { data: { name: `Sport ${tag}`, rules: [{ agency: `Sport Wire ${tag}` }] } });
  expect(created.status()).toBe(201);
  const desk = (await created.json()) as { id: string };
  const users = (await (await request.get(`${baseURL}/api/users`)).json()) as { users: { id: string; email: string }[] };
  const user = users.users.find((u) => u.email === email)!;
  expect((await request.put(`${baseURL}/api/users/${user.id}/desks`, { data: { deskIds: [desk.id] } })).status()).toBe(200);
  await ingestStories(request, baseURL!, [
    { uri: `urn:e2e:${tag}:1`, headline: `Match report ${tag}`, agency: `Sport Wire ${tag}` },
    { uri: `urn:e2e:${tag}:2`, headline: `Cabinet meets ${tag}` },
  ]);

  const page = await signedInPage(browser, email);
  await expect(line(page, `Match report ${tag}`)).toBeVisible();
  await expect(line(page, `Cabinet meets ${tag}`)).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).searchParams.get("desk")).toBe(desk.id);
  await expect(page.getByRole("combobox", { name: "Desk" })).toHaveValue(desk.id);

  await ingestStories(request, baseURL!, [
    { uri: `urn:e2e:${tag}:3`, headline: `Budget vote ${tag}` },
    { uri: `urn:e2e:${tag}:4`, headline: `Late goal ${tag}`, agency: `Sport Wire ${tag}` },
  ]);
  await expect(line(page, `Late goal ${tag}`)).toBeVisible();
  await expect(line(page, `Budget vote ${tag}`)).toHaveCount(0);

  await page.getByRole("combobox", { name: "Desk" }).selectOption("all");
  await expect(line(page, `Cabinet meets ${tag}`)).toBeVisible();
  await expect(line(page, `Budget vote ${tag}`)).toBeVisible();
  expect(new URL(page.url()).searchParams.get("desk")).toBe("all");
});
