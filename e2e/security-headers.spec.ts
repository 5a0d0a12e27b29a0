import { expect, test, type ConsoleMessage, type Page } from "./desk-test";
import { ADMIN, ensureUser, ingestNinjs, signInThroughPage } from "./helpers";

/** Collects console errors and page errors that mention the Content Security Policy. */
function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/content security policy|content-security-policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/content security policy/i.test(error.message)) violations.push(error.message);
  });
  return violations;
}

test("pages and assets carry the security headers, and Next's scripts carry the request's nonce", async ({ page, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "viewer", "Hedda Headers");
  for (const path of ["/login", "/"]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here
    const scriptNonces = await page.evaluate(() => Array.from(document.scripts).map((s) => s.nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    if (path === "/login") await signInThroughPage(page, email);
  }
  const asset = await page.evaluate(() => Array.from(document.scripts).map((s) => s.src).find((src) => src.includes("/_next/static/")));
  const assetResponse = await request.get(asset!);
  expect(assetResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(assetResponse.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the desk works under its CSP: no violation while signing in, reading a story and using the admin page", async ({ browser, request, baseURL }) => {
  const headline = `CSP clean ${Date.now()}`;
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:csp:${Date.now()}`, headline, body: "<p>Under the policy.</p>" });
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = recordCspViolations(page);

  await signInThroughPage(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  await page.getByRole("option", { name: new RegExp(headline) }).click();
  await expect(page.getByRole("article", { name: "Story" })).toContainText("Under the policy.");
  await page.goto(`/?story=${id}`);
  await expect(page.getByRole("article", { name: "Story" }).getByRole("heading", { name: headline })).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("heading").first()).toBeVisible();
  // A page that does not exist (a mistyped admin link) is Next's 404, under the same policy.
  const missing = await page.goto("/admin/no-such-screen");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await page.waitForTimeout(500); // late violations (lazy chunks) would be reported by now
  expect(violations).toEqual([]);
  await context.close();
});
