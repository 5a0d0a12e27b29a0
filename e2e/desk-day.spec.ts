import { expect, test, type APIRequestContext, type Page } from "./desk-test";
import { ensureUser, INGEST_TOKEN, signedInPage } from "./helpers";
import { saveShot } from "./layout-helpers";
import { ingestStories, line, queue } from "./queue-helpers";

// Several signed-in browsers per test on a shared, loaded machine.
test.describe.configure({ timeout: 240_000 });


/** Delivers one ninjs story with the agency's own filing time (and its offset). */
async function ingestFiled(request: APIRequestContext, baseURL: string, uri: string, headline: string, versioncreated: string): Promise<string> {
  const response = await request.post(`${baseURL}/api/ingest?format=ninjs`, {
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, "content-type": "application/json" },
    data: JSON.stringify({
      uri,
      version: "1",
      type: "text",
      pubstatus: "usable",
      urgency: 4,
      language: "en",
      versioncreated,
      firstcreated: versioncreated,
      headlines: [{ role: "main", value: headline }],
      bodies: [{ role: "main", contenttype: "text/html", value: "<p>Filed with a time.</p>" }],
      copyrightholder: "E2E Wire",
    }),
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { stories: { id: string }[] }).stories[0]!.id;
}

/** HH:MM of an instant in a time zone, as the desk shows it. */
function hhmm(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(Date.parse(iso));
}

async function deskTimeZone(page: Page): Promise<string> {
  return ((await (await page.request.get("/api/auth/me")).json()) as { timeZone: string }).timeZone;
}

/** Presses keys faster than the screen renders: every keydown is dispatched in one task, no render between. */
async function burst(page: Page, keys: string[]): Promise<void> {
  await queue(page).evaluate((listbox, all) => {
    for (const key of all) listbox.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  }, keys);
}

/** A screenshot into the test's output, and into e2e/screenshots/ when WIREDESK_UPDATE_SCREENSHOTS=1. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test("a second editor sees who took a story and when; releasing someone else's story asks first and tells the holder", async ({ browser, request, baseURL }) => {
  const eda = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Eda Editor"));
  const ben = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Ben Second"));
  const chief = await signedInPage(browser, await ensureUser(request, baseURL!, "chief", "Cora Chief"));
  const headline = `Harbour crane collapses ${Date.now()}`;
  const [id] = await ingestStories(request, baseURL!, [{ uri: `urn:e2e:own:${Date.now()}`, headline }]);

  // Eda takes it from the keyboard.
  await line(eda, headline).click();
  await eda.keyboard.press("t");
  await expect(line(eda, headline)).toContainText("in progress");
  const story = (await (await eda.request.get(`/api/stories/${id}`)).json()) as { takenAt: string };
  const at = hhmm(story.takenAt, await deskTimeZone(eda));

  // Ben sees it on the line and in the pane, with the time, and the initials are readable (over 17 px).
  const benLine = line(ben, headline);
  await expect(benLine).toContainText(`Taken by Eda Editor ${at}`);
  const initials = benLine.locator("[data-holder] [aria-hidden]");
  await expect(initials).toHaveText("EE");
  expect((await initials.boundingBox())!.height).toBeGreaterThan(17);
  await benLine.click();
  const pane = ben.getByRole("article", { name: "Story" });
  await expect(pane.getByTestId("story-holder")).toHaveText(`Taken by Eda Editor ${at}`);
  await saveShot(ben, "desk-day-holder-light.png");

  // Ben's Release is disabled, and its key only says why, politely, without asking the server.
  await expect(pane.getByRole("button", { name: /^Release/ })).toBeDisabled();
  await queue(ben).focus();
  await ben.keyboard.press("r");
  await expect(ben.getByRole("status").filter({ hasText: `Eda Editor took this story at ${at}; only a chief can release it.` })).toBeVisible();
  await expect(ben.getByRole("status").filter({ hasText: /in_progress|allowed from/ })).toHaveCount(0);
  expect(((await (await ben.request.get(`/api/stories/${id}`)).json()) as { state: string }).state).toBe("in_progress");

  // A chief is asked first; Cancel changes nothing.
  await line(chief, headline).click();
  await queue(chief).focus();
  await chief.keyboard.press("r");
  const dialog = chief.getByRole("alertdialog", { name: "Release someone else's story?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Eda Editor took this story at ${at}.`);
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(((await (await chief.request.get(`/api/stories/${id}`)).json()) as { state: string }).state).toBe("in_progress");

  await chief.keyboard.press("r");
  await dialog.getByRole("button", { name: "Release", exact: true }).click();
  await expect(line(chief, headline)).toContainText("incoming");
  await expect(line(ben, headline)).not.toContainText("Taken by");

  // Eda is told.
  await expect(eda.getByRole("status").filter({ hasText: `Cora Chief released your story “${headline}”` })).toBeVisible();
  await Promise.all([eda.context().close(), ben.context().close(), chief.context().close()]);
});

test("every queue line shows its HH:MM time in the desk's zone; the agency's filing time is on hover and in the pane", async ({ browser, request, baseURL }) => {
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Tim Clock"));
  const headline = `Clock tower restored ${Date.now()}`;
  const id = await ingestFiled(request, baseURL!, `urn:e2e:clock:${Date.now()}`, headline, "2026-12-02T09:02:00-05:00");
  const story = (await (await page.request.get(`/api/stories/${id}`)).json()) as { receivedAt: string };
  const zone = await deskTimeZone(page);

  const row = line(page, headline);
  const time = row.locator(".queue-col-time");
  await expect(time).toHaveText(hhmm(story.receivedAt, zone));
  await expect(row).toContainText(hhmm(story.receivedAt, zone)); // part of the line's text
  await expect(row).toHaveAttribute("aria-posinset", /\d+/);
  await expect(time).toHaveAttribute("title", "Filed by the agency 2026-12-02 09:02 -05:00");
  // The time column sits right after the age.
  const age = row.locator("time").first();
  expect((await age.boundingBox())!.x).toBeLessThan((await time.boundingBox())!.x);

  await row.click();
  const times = page.getByRole("article", { name: "Story" }).getByLabel("Times");
  await expect(times).toContainText("Received");
  await expect(times).toContainText(hhmm(story.receivedAt, zone));
  await expect(times).toContainText("Filed2026-12-02 09:02 -05:00");
  await expect(times).toContainText("Version 12026-12-02 09:02 -05:00");
  await page.context().close();
});

test("a search lists newest first, offers best match in the URL, and a new match joins it live", async ({ browser, request, baseURL }) => {
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Sue Search"));
  const word = `quokka${Date.now()}`;
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:sr:a:${word}`, headline: `The ${word} escapes its enclosure` }]);
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:sr:b:${word}`, headline: "Evening briefing", body: `<p>Keepers found the ${word} asleep.</p>` }]);

  await page.getByRole("searchbox", { name: "Search stories" }).fill(word);
  await page.keyboard.press("Enter");
  const first = queue(page).getByRole("option").first();
  await expect(queue(page).getByRole("option")).toHaveCount(2);
  await expect(first).toContainText("Evening briefing"); // the newer one, although only its body matches
  expect(new URL(page.url()).searchParams.get("sort")).toBeNull();

  await page.getByRole("combobox", { name: "Search order" }).selectOption("relevance");
  await expect(first).toContainText(`The ${word} escapes`);
  expect(new URL(page.url()).searchParams.get("sort")).toBe("relevance");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Search order" })).toHaveValue("relevance");
  await expect(queue(page).getByRole("option").first()).toContainText(`The ${word} escapes`);

  await page.getByRole("combobox", { name: "Search order" }).selectOption("newest");
  await expect(queue(page).getByRole("option").first()).toContainText("Evening briefing");
  expect(new URL(page.url()).searchParams.get("sort")).toBeNull();

  // A new matching story joins the search at the top, live; one that does not match stays out.
  await page.mouse.move(5, 5);
  await ingestStories(request, baseURL!, [
    { uri: `urn:e2e:sr:c:${word}`, headline: `Second ${word} sighted downtown` },
    { uri: `urn:e2e:sr:d:${word}`, headline: "Unrelated weather note" },
  ]);
  await expect(queue(page).getByRole("option").first()).toContainText(`Second ${word} sighted`);
  await expect(queue(page).getByRole("option")).toHaveCount(3);
  await page.context().close();
});

test("the new-stories pill and the search note sit in their own band, never over the newest headline", async ({ browser, request, baseURL }) => {
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Pia Pill"));
  const tag = Date.now();
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:pill:a:${tag}`, headline: `Pill base story ${tag}` }]);
  await line(page, `Pill base story ${tag}`).click(); // a selection holds arrivals behind the pill
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:pill:b:${tag}`, headline: `Pill arrival ${tag}` }]);
  const pill = page.getByRole("button", { name: /↑ \d+ new/ });
  await expect(pill).toBeVisible();
  const firstRow = queue(page).getByRole("option").first();
  expect(overlaps((await pill.boundingBox())!, (await firstRow.boundingBox())!)).toBe(false);
  expect((await pill.boundingBox())!.y + (await pill.boundingBox())!.height).toBeLessThanOrEqual((await queue(page).boundingBox())!.y + 1);

  // A relevance search's "new since this search" note, likewise.
  await page.goto(`/?q=pill${tag}&sort=relevance&desk=all`);
  await expect(page.getByRole("status", { name: "Queue status" })).toContainText("No stories match");
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:pill:c:${tag}`, headline: `First pill${tag} match` }]);
  await page.getByRole("button", { name: /search again/ }).click();
  await expect(queue(page).getByRole("option")).toHaveCount(1);
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:pill:d:${tag}`, headline: `Second pill${tag} match` }]);
  const note = page.getByRole("button", { name: /1 new since this search/ });
  await expect(note).toBeVisible();
  expect(overlaps((await note.boundingBox())!, (await queue(page).getByRole("option").first().boundingBox())!)).toBe(false);
  await page.context().close();
});

test("keys pressed faster than the screen renders are all applied: ten j move ten lines, xjxjxj marks three", async ({ browser, request, baseURL }) => {
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Kai Keys"));
  const tag = Date.now();
  await ingestStories(
    request,
    baseURL!,
    Array.from({ length: 16 }, (_, i) => ({ uri: `urn:e2e:keys:${tag}:${i}`, headline: `Fast key story ${tag} ${String(i).padStart(2, "0")}` })),
  );
  await expect(line(page, `Fast key story ${tag} 00`)).toBeVisible();
  await page.mouse.move(5, 5);
  await queue(page).focus();
  await burst(page, Array.from({ length: 10 }, () => "j"));
  // The first j selects the first line, nine more move nine lines down.
  await expect(queue(page).locator('[role="option"][aria-selected="true"]')).toHaveAttribute("aria-posinset", "10");

  await page.keyboard.press("Home");
  await expect(queue(page).locator('[role="option"][aria-selected="true"]')).toHaveAttribute("aria-posinset", "1");
  await burst(page, ["x", "j", "x", "j", "x", "j"]);
  await expect(page.getByText("3 marked")).toBeVisible();
  const marked = queue(page).locator('[role="option"][aria-checked="true"]');
  await expect(marked).toHaveCount(3);
  expect(await marked.evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-posinset")))).toEqual(["1", "2", "3"]);
  await expect(queue(page).locator('[role="option"][aria-selected="true"]')).toHaveAttribute("aria-posinset", "4");
  await page.context().close();
});

test("after a header control is used the focus is back on the queue, so Enter and the shortcuts act on stories", async ({ browser, request, baseURL }) => {
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Fay Focus"));
  const tag = Date.now();
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:focus:${tag}`, headline: `Focus story ${tag}` }]);
  await expect(line(page, `Focus story ${tag}`)).toBeVisible();

  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(queue(page)).toBeFocused();
  await line(page, `Focus story ${tag}`).click();
  await expect(page.getByRole("article", { name: "Story" }).getByLabel("Times")).toBeVisible();
  await saveShot(page, "desk-day-pane-dark.png");
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(queue(page)).toBeFocused();

  await page.getByRole("combobox", { name: "Urgency to" }).selectOption("8");
  await expect(queue(page)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(queue(page).locator('[role="option"][aria-selected="true"]')).toHaveAttribute("aria-posinset", "1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("article", { name: "Story" })).toBeFocused();

  // A control that opens a popover, and the controls inside it, keep the focus; FLASH alerts are on by default.
  await page.getByRole("button", { name: "Settings" }).click();
  const sound = page.getByRole("checkbox", { name: "Play a sound" });
  await expect(sound).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Desktop notifications" })).toBeChecked();
  await sound.click();
  await expect(sound).not.toBeChecked();
  await expect(sound).toBeFocused();
  await page.context().close();
});

test("the desk follows the system's light or dark setting until the editor chooses one", async ({ browser, request, baseURL }) => {
  const page = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Syd System"));
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const toggle = page.getByRole("button", { name: "Dark theme" });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const light = await background();
  // The system switches to dark while the desk is open: the page and the toggle follow at once.
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const dark = await background();
  expect(dark).not.toBe(light);
  // Rendered on the server before it can know the system's setting, then dark in the browser, without a hydration mismatch.
  await page.reload();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(toggle).toHaveText(/☾/);
  expect(await background()).toBe(dark);
  expect(consoleErrors.filter((text) => /hydrat|Minified React error/i.test(text))).toEqual([]);
  // Chosen: light stays light, whatever the system says, and after a reload too.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background()).toBe(light);
  await page.reload();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  expect(await background()).toBe(light);
});
