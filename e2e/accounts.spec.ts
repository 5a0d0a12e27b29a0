import { expect, test } from "./desk-test";
import { ADMIN, ensureUser, signIn, signInThroughPage, USER_PASSWORD } from "./helpers";

test("a user changes their password and signs in with the new one", async ({ page, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "viewer", `Pat Password ${Date.now()}`);
  await signIn(page, email);
  await page.getByRole("link", { name: "Account" }).click();
  await page.getByLabel("Current password").fill(USER_PASSWORD);
  await page.getByLabel("New password (at least 10 characters)").fill("a-brand-new-password");
  await page.getByLabel("Repeat the new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  await page.context().clearCookies();
  await signInThroughPage(page, email, "a-brand-new-password");
});

test("an admin deactivates a user, who can no longer sign in", async ({ page, browser, request, baseURL }) => {
  const name = `Dee Activated ${Date.now()}`;
  const email = await ensureUser(request, baseURL!, "editor", name);
  const other = await browser.newContext();
  const victim = await other.newPage();
  await signIn(victim, email);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("button", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Users" }).click();
  // The switch follows the server: it turns off once the change is stored.
  await page.getByRole("checkbox", { name: `${name} is active` }).click();
  await expect(page.getByRole("checkbox", { name: `${name} is active` })).not.toBeChecked();

  // The deactivated user's open desk is cut off at once and sent to the login page.
  await expect(victim).toHaveURL(/\/login$/);
  await victim.getByLabel("Email").fill(email);
  await victim.getByLabel("Password").fill(USER_PASSWORD);
  await victim.getByRole("button", { name: "Sign in" }).click();
  await expect(victim.getByRole("alert").filter({ hasText: "Email or password" })).toHaveText("Email or password is not right.");
});
