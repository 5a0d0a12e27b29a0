import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@e2e.wiredesk", password: "e2e-admin-password" };
export const INGEST_TOKEN = "e2e-ingest-token-0123456789";
export const USER_PASSWORD = "e2e-user-password";

/** Signs in through the login page. */
export async function signIn(page: Page, email: string, password = USER_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("listbox", { name: "Wire queue" })).toBeVisible();
}

/** Creates a user through the admin API (idempotent) and returns their email. */
export async function ensureUser(request: APIRequestContext, baseURL: string, role: string, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@e2e.wiredesk`;
  const login = await request.post(`${baseURL}/api/auth/login`, { data: ADMIN });
  expect(login.status()).toBe(200);
  const created = await request.post(`${baseURL}/api/users`, { data: { email, name, role, password: USER_PASSWORD } });
  expect([201, 409]).toContain(created.status());
  return email;
}

/** Posts a ninjs 2.x story to the ingest API and returns its id. */
export async function ingestNinjs(request: APIRequestContext, baseURL: string, story: { uri: string; headline: string; urgency?: number; version?: number; body?: string }): Promise<string> {
  const response = await request.post(`${baseURL}/api/ingest`, {
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, "content-type": "application/json" },
    data: JSON.stringify({
      uri: story.uri,
      version: String(story.version ?? 1),
      type: "text",
      pubstatus: "usable",
      urgency: story.urgency ?? 5,
      language: "en",
      headlines: [{ role: "main", value: story.headline }],
      bodies: [{ role: "main", contenttype: "text/html", value: story.body ?? "<p>Body of the story.</p>" }],
      copyrightholder: "E2E Wire",
    }),
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { stories: { id: string }[] };
  return body.stories[0]!.id;
}

/** A fresh browser context signed in as the given user. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}
