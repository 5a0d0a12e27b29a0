import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Browser, type Page } from "./desk-test";
import { signIn, USER_PASSWORD } from "./helpers";

/** A fresh context at this screen size (and theme), signed in as `email`. */
export async function pageAt(browser: Browser, size: { width: number; height: number }, email?: string, password?: string, theme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  if (theme === "dark") await context.addCookies([{ name: "wd_theme", value: "dark", url: test.info().project.use.baseURL ?? "http://localhost" }]);
  const page = await context.newPage();
  if (email) await signIn(page, email, password ?? USER_PASSWORD, 30_000);
  return page;
}

/** The page does not scroll sideways: nothing is wider than the window. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: window.innerWidth }));
  expect(sizes.scroll, `${what}: document ${sizes.scroll} px in a ${sizes.inner} px window`).toBeLessThanOrEqual(sizes.inner);
  expect(sizes.body, `${what}: body ${sizes.body} px in a ${sizes.inner} px window`).toBeLessThanOrEqual(sizes.inner);
}

/**
 * Saves a screenshot into the test's output folder, and into e2e/screenshots/ when
 * WIREDESK_UPDATE_SCREENSHOTS=1 asks to refresh the committed pictures.
 */
export async function saveShot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const image = await page.screenshot();
  const files = [test.info().outputPath(name)];
  if (process.env.WIREDESK_UPDATE_SCREENSHOTS === "1") files.push(fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url)));
  for (const file of files) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, image);
  }
}
