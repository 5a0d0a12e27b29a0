import { expect, test } from "./desk-test";
import { ensureUser, ingestNinjs, signedInPage, signInThroughPage } from "./helpers";

test("two editors see a story posted to the ingest API appear within 2 s, without reload", async ({ browser, request, baseURL }) => {
  const alice = await ensureUser(request, baseURL!, "editor", "Alice Realtime");
  const bob = await ensureUser(request, baseURL!, "viewer", "Bob Realtime");
  const pageA = await signedInPage(browser, alice);
  const pageB = await signedInPage(browser, bob);
  await expect(pageA.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  await expect(pageB.getByRole("status", { name: /Connection: Live/ })).toBeVisible();

  const headline = `Live arrival ${Date.now()}`;
  await ingestNinjs(request, baseURL!, { uri: `urn:e2e:${Date.now()}`, headline, urgency: 2 });
  for (const page of [pageA, pageB]) {
    await expect(page.getByRole("option", { name: new RegExp(headline) })).toBeVisible({ timeout: 2000 });
    await expect(page.getByRole("option", { name: new RegExp(headline) })).toHaveCount(1);
  }
});

test("signing in shows the queue; opening a story shows it in full; signing out ends the session", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Carla Reader");
  const headline = `Readable story ${Date.now()}`;
  await ingestNinjs(request, baseURL!, { uri: `urn:e2e:read:${Date.now()}`, headline, body: "<p>First paragraph of the body.</p>" });
  const page = await (await browser.newContext()).newPage();
  await signInThroughPage(page, email);
  await page.getByRole("option", { name: new RegExp(headline) }).click();
  const article = page.getByRole("article", { name: "Story" });
  await expect(article.getByRole("heading", { name: headline })).toBeVisible();
  await expect(article).toContainText("First paragraph of the body.");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await page.request.get("/api/stories")).status()).toBe(401);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@e2e.wiredesk");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password" })).toHaveText("Email or password is not right.");
});
