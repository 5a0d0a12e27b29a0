import { expect, request as playwrightRequest, test, type Browser, type Page } from "./desk-test";
import { signIn, USER_PASSWORD } from "./helpers";
import { ServerProcess } from "./server-process";

const ADMIN = { email: "admin@alarms.wiredesk", password: "alarms-admin-password" };

let server: ServerProcess;

test.beforeAll(async () => {
  // A server process of its own: its start can take minutes on a shared machine.
  test.setTimeout(240_000);
  // A disk-free threshold no disk meets, so the disk alarm is up from the start.
  server = await ServerProcess.start({ WIREDESK_ADMIN_EMAIL: ADMIN.email, WIREDESK_ADMIN_PASSWORD: ADMIN.password, WIREDESK_ALARM_DISK_FREE_MB: "100000000" });
});
test.afterAll(async () => {
  await server?.dispose();
});

async function deskFor(browser: Browser, email: string, password: string, colorScheme: "light" | "dark", width = 1440): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  await signIn(page, email, password, 90_000);
  return page;
}

test("admins and chiefs see the desk's alarms under the header; editors do not", async ({ browser }) => {
  test.setTimeout(360_000);
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  expect((await api.post("/api/auth/login", { data: ADMIN })).status()).toBe(200);
  expect((await api.post("/api/users", { data: { email: "editor@alarms.wiredesk", name: "Ed Itor", role: "editor", password: USER_PASSWORD } })).status()).toBe(201);
  await api.dispose();

  const admin = await deskFor(browser, ADMIN.email, ADMIN.password, "light");
  const alarms = admin.getByRole("alert", { name: "Alarms" });
  await expect(alarms).toBeVisible({ timeout: 30_000 });
  await expect(alarms.getByRole("listitem")).toHaveCount(1);
  await expect(alarms).toContainText("Disk nearly full");
  await expect(alarms).toContainText(/The database's disk has \d+ MB free \(alarm below 100000000 MB\)/);
  // Since when, as every time on the desk: HH:MM on the 24-hour clock.
  await expect(alarms.locator("time")).toHaveText(/^since \d{2}:\d{2}$/);
  await admin.screenshot({ path: test.info().outputPath("alarms-light-1440.png") });

  // A system set to dark: the desk follows it until the editor chooses.
  const dark = await deskFor(browser, ADMIN.email, ADMIN.password, "dark", 390);
  await expect(dark.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  const darkAlarms = dark.getByRole("alert", { name: "Alarms" });
  await expect(darkAlarms).toBeVisible({ timeout: 30_000 });
  // On a phone the header wraps and the strip wraps its text: nothing scrolls sideways.
  expect(await dark.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await dark.screenshot({ path: test.info().outputPath("alarms-dark-390.png") });

  const editor = await deskFor(browser, "editor@alarms.wiredesk", USER_PASSWORD, "light");
  await expect(editor.getByRole("status", { name: "Connection: Live" })).toBeVisible({ timeout: 30_000 });
  await expect(editor.getByRole("alert", { name: "Alarms" })).toHaveCount(0);
});
