import { expect, test } from "./desk-test";
import { ensureUser, signIn } from "./helpers";
import { ingestStories, line, queue } from "./queue-helpers";

test("a story that stops matching the view fades, and leaves only without moving the selected line", async ({ browser, request, baseURL }) => {
  const tag = `leave${Date.now()}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, await ensureUser(request, baseURL!, "editor", "Lou Leaving"));
  await page.goto("/?state=-spiked&desk=all");
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  await ingestStories(request, baseURL!, [
    { uri: `urn:e2e:${tag}:below`, headline: `Keep me ${tag}` },
    { uri: `urn:e2e:${tag}:top`, headline: `Spike me ${tag}` },
  ]);
  const leaving = line(page, `Spike me ${tag}`);
  const staying = line(page, `Keep me ${tag}`);
  await leaving.click();
  // The editor reads the story before spiking it: the pane shows it, so its actions are known.
  await expect(page.getByRole("article", { name: "Story" }).getByRole("heading", { name: new RegExp(`Spike me ${tag}`) })).toBeVisible();

  // Spiked in a view without spiked stories: it fades, marked, but stays while selected.
  await page.keyboard.press("s");
  await expect(leaving).toHaveAttribute("data-departing", "true");
  await expect(leaving).toContainText("left this view");
  await page.waitForTimeout(3000);
  await expect(leaving).toBeVisible();

  // The editor moves on to the line below: the faded line above waits, since at the top of the
  // queue its leaving would move the selected line.
  await page.keyboard.press("j");
  await expect(staying).toHaveAttribute("aria-selected", "true");
  const stayingAt = (await staying.boundingBox())?.y;
  await page.waitForTimeout(3000);
  await expect(leaving).toBeVisible();
  expect((await staying.boundingBox())?.y).toBe(stayingAt);

  // With nothing selected it leaves.
  await page.keyboard.press("Escape");
  await expect(staying).toHaveAttribute("aria-selected", "false");
  await expect(leaving).toHaveCount(0, { timeout: 5000 });

  // An undone spike brings a line back before it leaves.
  await staying.click();
  await page.keyboard.press("s");
  await expect(staying).toHaveAttribute("data-departing", "true");
  await page.keyboard.press("z");
  await expect(staying).not.toHaveAttribute("data-departing", "true");
  await page.keyboard.press("Escape");
  await page.waitForTimeout(3000);
  await expect(staying).toBeVisible();
  await context.close();
});

test("a FLASH shows a desktop notification for an editor who allowed them", async ({ browser, request, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["notifications"]);
  await context.addInitScript(() => {
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class RecordingNotification {
      static permission = "granted";
      static requestPermission = () => Promise.resolve("granted");
      onclick: (() => void) | null = null;
      constructor(title: string) {
        shown.push(title);
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: RecordingNotification });
  });
  const page = await context.newPage();
  await signIn(page, await ensureUser(request, baseURL!, "editor", `Nora Notified ${Date.now()}`));
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  await page.getByRole("button", { name: "Settings" }).click();
  // Alerts are on by default; the browser (which allowed them) is not asked again.
  await expect(page.getByRole("checkbox", { name: "Desktop notifications" })).toBeChecked();
  await page.keyboard.press("Escape");

  const tag = Date.now();
  await ingestStories(request, baseURL!, [
    { uri: `urn:e2e:flash:${tag}`, headline: `Quake strikes capital ${tag}`, urgency: 1 },
    { uri: `urn:e2e:routine:${tag}`, headline: `Council meets ${tag}`, urgency: 5 },
  ]);
  await expect(line(page, `Quake strikes capital ${tag}`)).toContainText("FLASH");
  await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications)).toEqual([`FLASH: Quake strikes capital ${tag}`]);
  await expect(queue(page)).toBeVisible();
  await context.close();
});
