import { DESK_TEST_ENV, expect, type APIRequestContext, type Browser, type Page } from "./desk-test";

export const ADMIN = { email: DESK_TEST_ENV.WIREDESK_ADMIN_EMAIL!, password: DESK_TEST_ENV.WIREDESK_ADMIN_PASSWORD! };
export const INGEST_TOKEN = DESK_TEST_ENV.WIREDESK_INGEST_TOKEN!;
export const USER_PASSWORD = "e2e-user-password";

/**
 * Signs in through the login page, as an editor does (`timeout`: how long the desk may take to show).
 * Only specs about signing in need this; the others use `signIn`, which skips the page.
 */
export async function signInThroughPage(page: Page, email: string, password = USER_PASSWORD, timeout?: number): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectDesk(page, timeout);
}

/**
 * Signs in by the login API in the page's own browser context (its cookie jar), then opens the desk:
 * the same session cookie as the login page sets, without loading that page first.
 */
export async function signIn(page: Page, email: string, password = USER_PASSWORD, timeout?: number): Promise<void> {
  const login = await page.request.post("/api/auth/login", { data: { email, password } });
  expect(login.status(), `signing in ${email}`).toBe(200);
  await page.goto("/");
  await expectDesk(page, timeout);
}

async function expectDesk(page: Page, timeout?: number): Promise<void> {
  // The first desk page a fresh server renders, on a busy machine, can take far longer than a click.
  await expect(page.getByRole("listbox", { name: "Wire queue" })).toBeVisible({ timeout: timeout ?? 45_000 });
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

/** A fresh browser context signed in as the given user (`options.timeout`: a generous wait for a busy machine). */
export async function signedInPage(browser: Browser, email: string, options: { timeout?: number } = {}): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, USER_PASSWORD, options.timeout);
  return page;
}

/** Opens a story by its shareable link and starts editing it: back once the editor has synced. */
export async function openStoryEditor(page: Page, id: string): Promise<void> {
  await page.goto(`/stories/${id}`);
  await expect(page.getByRole("article", { name: "Story" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: /^Edit/ }).click();
  await expect(page.getByRole("textbox", { name: "Body", exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 30_000 });
}
