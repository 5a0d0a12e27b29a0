import { expect, test, type APIRequestContext } from "./desk-test";
import { ADMIN, INGEST_TOKEN, ensureUser, ingestNinjs, signIn, signedInPage } from "./helpers";

async function postRaw(request: APIRequestContext, baseURL: string, body: string, query = ""): Promise<{ status: number; message: string }> {
  const response = await request.post(`${baseURL}/api/ingest${query}`, { headers: { authorization: `Bearer ${INGEST_TOKEN}`, "content-type": "application/octet-stream" }, data: body });
  const json = (await response.json()) as { error?: { message: string } };
  return { status: response.status(), message: json.error?.message ?? "" };
}

test("an admin finds a quarantined delivery from the desk, sees why it failed, and retries it", async ({ browser, request, baseURL }) => {
  const stamp = Date.now();
  const headline = `Rescued from quarantine ${stamp}`;
  const ninjs = JSON.stringify({ uri: `urn:e2e:retry:${stamp}`, version: "1", type: "text", headlines: [{ role: "main", value: headline }], bodies: [{ role: "main", contenttype: "text/html", value: "<p>Body.</p>" }] });
  const fixable = await postRaw(request, baseURL!, ninjs, "?format=nitf"); // forced to the wrong format
  const broken = await postRaw(request, baseURL!, JSON.stringify({ hello: "not a story", stamp }));
  expect(fixable.status).toBe(422);
  expect(broken.status).toBe(422);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("button", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Ingest errors" }).click();
  await expect(page.getByRole("heading", { name: "Ingest errors" })).toBeVisible();
  const table = page.getByRole("table", { name: "Ingest errors" });
  const brokenRow = table.getByRole("row").filter({ hasText: broken.message });
  const fixableRow = table.getByRole("row").filter({ hasText: fixable.message });
  await expect(brokenRow).toHaveCount(1);
  await expect(fixableRow).toHaveCount(1);

  await brokenRow.getByRole("button", { name: /^Retry delivery \d+$/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "still fails" })).toContainText(broken.message);
  await expect(brokenRow).toHaveCount(1);

  await fixableRow.getByRole("button", { name: /^Retry delivery \d+$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "ingested as ninjs: 1 story" })).toBeVisible();
  await expect(fixableRow).toHaveCount(0);

  await page.getByRole("link", { name: "Back to the desk" }).click();
  await expect(page.getByRole("option", { name: new RegExp(headline) })).toBeVisible();
});

test("editors do not see the ingest errors link, and the API refuses them", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Eve Ingest");
  const page = await signedInPage(browser, email);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ingest errors" })).toHaveCount(0);
  expect((await page.request.get("/api/ingest/errors")).status()).toBe(403);
});

test("the story view compares two agency versions word by word", async ({ browser, request, baseURL }) => {
  const stamp = Date.now();
  const uri = `urn:e2e:diff:${stamp}`;
  const headline = `Harbour fire ${stamp}`;
  const id = await ingestNinjs(request, baseURL!, { uri, headline, version: 1, body: "<p>A fire broke out at the harbour on Monday.</p>" });
  await ingestNinjs(request, baseURL!, { uri, headline, version: 2, body: "<p>A large fire broke out at the old harbour on Monday.</p>" });
  const email = await ensureUser(request, baseURL!, "viewer", "Vic Versions");
  const page = await signedInPage(browser, email);
  await page.goto(`/?story=${id}`);
  const compare = page.getByRole("region", { name: "Compare versions" });
  await expect(compare).toBeVisible();
  await expect(compare.getByLabel("From version")).toHaveValue("1");
  await expect(compare.getByLabel("To version")).toHaveValue("2");
  const body = compare.getByRole("group", { name: "Body changes" });
  await expect(body.locator("ins")).toHaveText([/inserted: large/, /inserted: old/]);
  await expect(body.locator("del")).toHaveCount(0);

  await compare.getByLabel("From version").selectOption("2");
  await expect(body.locator("ins")).toHaveCount(0);
});
