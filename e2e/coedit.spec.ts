import { expect, test, type Browser, type Page } from "./desk-test";
import { ensureUser, ingestNinjs, openStoryEditor as openEditor, signedInPage as signedIn } from "./helpers";

/** A fresh context signed in as `email` (generous waits: these specs run three browsers on a busy machine). */
const signedInPage = (browser: Browser, email: string) => signedIn(browser, email, { timeout: 90_000 });

/** True when every character of `part` appears in `whole` in order (other people's keys may sit between). */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const char of whole) if (char === part[at]) at++;
  return at === part.length;
}

/** The characters of a text, sorted: equal for two texts that hold exactly the same keystrokes. */
const keystrokes = (text: string) => [...text].sort().join("");

const headline = (page: Page) => page.getByRole("textbox", { name: "Headline", exact: true });
const body = (page: Page) => page.getByRole("textbox", { name: "Body", exact: true });

/**
 * The body's text without the remote carets' name labels (which ProseMirror shows inline). Not
 * trimmed: a space typed at the same instant as others' words can end up last in the paragraph.
 */
async function bodyText(page: Page): Promise<string> {
  return body(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of Array.from(copy.querySelectorAll(".collaboration-carets__caret"))) caret.remove();
    return copy.textContent ?? "";
  });
}

test("three editors type into the same headline and body at once; offline typing merges on return", async ({ browser, request, baseURL }) => {
  test.setTimeout(480_000);
  const names = ["Ada Lovelace", "Ben Bradlee", "Cleo Ryder"];
  const emails = await Promise.all(names.map((name) => ensureUser(request, baseURL!, "editor", name)));
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:coedit:${Date.now()}`, headline: "Storm", body: "<p>First paragraph.</p>" });
  const pages = await Promise.all(emails.map((email) => signedInPage(browser, email)));
  await Promise.all(pages.map((page) => openEditor(page, id)));
  await expect(pages[0]!.getByRole("list", { name: "Editing now" }).getByRole("listitem")).toHaveCount(3);
  // The story's queue line shows the people editing (two avatars and "+1" fit), each in the colour of their avatar in the pane (and their caret).
  const queueAvatars = pages[0]!.locator(`[role="option"][data-story-id="${id}"] [data-presence-mode="editing"]`);
  await expect(queueAvatars).toHaveCount(2, { timeout: 15_000 });
  const colours = async (locator: ReturnType<Page["locator"]>) => locator.evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor));
  // Three people in one story: three colours, told apart (each settles once the desk's presence names everyone), the same on every screen.
  const paneAvatars = pages[0]!.getByRole("list", { name: "Editing now" }).getByRole("listitem");
  await expect.poll(async () => new Set(await colours(paneAvatars)).size).toBe(3);
  const paneColours = await colours(paneAvatars);
  for (const colour of await colours(queueAvatars)) expect(paneColours).toContain(colour);
  for (const page of pages.slice(1)) await expect.poll(async () => [...(await colours(page.getByRole("list", { name: "Editing now" }).getByRole("listitem")))].sort()).toEqual([...paneColours].sort());

  // Headline: each types at the end, interleaved with the others.
  const typed = [" alpha", " bravo", " charlie"];
  for (const page of pages) {
    await headline(page).click();
    await headline(page).press("End");
  }
  await Promise.all(pages.map((page, i) => headline(page).pressSequentially(typed[i]!, { delay: 40 + i * 15 })));
  // Once every page shows the full length, all keystrokes have arrived everywhere.
  for (const page of pages) await expect(headline(page)).toHaveValue(new RegExp(`^.{${"Storm".length + typed.join("").length}}$`), { timeout: 30_000 });
  const finalHeadline = await headline(pages[0]!).inputValue();
  for (const page of pages) await expect(headline(page)).toHaveValue(finalHeadline);
  expect(finalHeadline.length).toBe("Storm".length + typed.join("").length);
  // Each one's word stays together: a caret stays after its typist's own letters when others type at the same spot.
  for (const part of typed) expect(finalHeadline, `${part} in ${finalHeadline}`).toContain(part);
  expect(keystrokes(finalHeadline)).toBe(keystrokes(`Storm${typed.join("")}`));
  // Each sees the others' named carets in the headline.
  for (const [i, page] of pages.entries()) {
    for (const [j, name] of names.entries()) if (i !== j) await expect(page.locator('[data-caret-for="Headline"]').filter({ hasText: name })).toBeVisible();
  }

  // Body: the same, in the Tiptap editor.
  for (const page of pages) {
    await body(page).click();
    await page.keyboard.press("Control+End");
  }
  const words = [" one", " two", " three"];
  await Promise.all(pages.map((page, i) => body(page).pressSequentially(words[i]!, { delay: 35 + i * 10 })));
  const bodyLength = "First paragraph.".length + words.join("").length;
  for (const page of pages) await expect.poll(async () => (await bodyText(page)).length, { timeout: 30_000 }).toBe(bodyLength);
  const finalBody = await bodyText(pages[0]!);
  for (const page of pages) expect(await bodyText(page)).toBe(finalBody);
  // Every keystroke is there once (typed at once, one editor's leading space may land after the others' words).
  expect(keystrokes(finalBody)).toBe(keystrokes(`First paragraph.${words.join("")}`));
  for (const word of words) expect(isSubsequence(word.trim(), finalBody), `${word} in ${finalBody}`).toBe(true);
  for (const [i, page] of pages.entries()) {
    for (const [j, name] of names.entries()) if (i !== j) await expect(body(page).locator(".collaboration-carets__label").filter({ hasText: name })).toBeVisible();
  }

  // One editor goes offline and keeps typing; another types meanwhile; on return both edits are everywhere.
  const offline = pages[2]!;
  await offline.context().setOffline(true);
  await expect(offline.getByRole("status").filter({ hasText: "keep typing" })).toBeVisible();
  await headline(offline).click();
  await headline(offline).press("End");
  await headline(offline).pressSequentially(" OFFLINE", { delay: 30 });
  await headline(pages[0]!).click();
  await headline(pages[0]!).press("Home");
  await headline(pages[0]!).pressSequentially("LIVE ", { delay: 30 });
  await offline.context().setOffline(false);
  await expect(offline.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 20_000 });
  const merged = `LIVE ${finalHeadline} OFFLINE`;
  for (const page of pages) await expect(headline(page)).toHaveValue(merged);

  // The desk copy reaches the story row within 2 s: what GET /api/stories/:id answers.
  await expect
    .poll(async () => ((await (await pages[0]!.request.get(`/api/stories/${id}`)).json()) as { headline: string }).headline, { timeout: 2000 })
    .toBe(merged);
  for (const page of pages) await page.context().close();
});

test("two editors save urgency at once: one wins, the other is shown the current value", async ({ browser, request, baseURL }) => {
  test.setTimeout(300_000); // two browsers signing in and opening the editor, beside another worker on a two-core machine
  const first = await ensureUser(request, baseURL!, "editor", "Dana Scully");
  const second = await ensureUser(request, baseURL!, "editor", "Fox Mulder");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:urgency:${Date.now()}`, headline: "Urgency race", urgency: 5 });
  const a = await signedInPage(browser, first);
  const b = await signedInPage(browser, second);
  await openEditor(a, id);
  await openEditor(b, id);
  await a.getByLabel("Urgency", { exact: true }).selectOption("2");
  await b.getByLabel("Urgency", { exact: true }).selectOption("7");
  await a.getByRole("button", { name: "Save fields" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await b.getByRole("button", { name: "Save fields" }).click();
  // Told the value now and their own, which the form no longer shows.
  await expect(b.getByRole("alert").filter({ hasText: "Urgency is 2 (yours: 7)" })).toBeVisible({ timeout: 20_000 });
  await expect(b.getByLabel("Urgency", { exact: true })).toHaveValue("2");
  await b.getByRole("form", { name: "Story fields" }).screenshot({ path: "test-results/fields-conflict.png" });
  // Nothing to type again: one click puts theirs back over the current value, one save sends it at the new rev.
  await b.getByRole("button", { name: "Put my values back" }).click();
  await expect(b.getByLabel("Urgency", { exact: true })).toHaveValue("7");
  await expect(b.getByRole("button", { name: "Save fields" })).toBeFocused();
  await b.keyboard.press("Enter");
  await expect(b.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(b.getByRole("button", { name: "Put my values back" })).toHaveCount(0);
  await expect(a.getByLabel("Urgency", { exact: true })).toHaveValue("7");
  await a.context().close();
  await b.context().close();
});

test("the editing pane shows limits as you type", async ({ browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const email = await ensureUser(request, baseURL!, "editor", "Lena Limits");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:limits:${Date.now()}`, headline: "Short" });
  const page = await signedInPage(browser, email);
  await openEditor(page, id);
  const counter = page.getByLabel("Headline length");
  // The limit is the desk's setting (64 by default; the browser tests' server may raise it).
  await expect(counter).toHaveText(/^5\/\d+$/);
  const limit = Number((await counter.textContent())?.split("/")[1]);
  await expect(counter).toHaveAttribute("data-over-limit", "false");
  await headline(page).click();
  await headline(page).press("End");
  const phrase = " and a much longer headline that runs well past the limit of the desk";
  await headline(page).pressSequentially(phrase, { delay: 5 });
  const typed = 5 + phrase.length;
  if (typed <= limit) await page.keyboard.insertText(" more".repeat(Math.ceil((limit - typed + 1) / 5)));
  await expect(counter).toHaveAttribute("data-over-limit", "true");
  await expect(page.getByLabel("Body words")).toHaveText("4 words");
  await page.screenshot({ path: test.info().outputPath("editor-light.png"), fullPage: true });
  // The desk's theme is the reader's choice, kept in a cookie the server reads (not the system setting).
  await page.context().addCookies([{ name: "wd_theme", value: "dark", url: baseURL! }]);
  await openEditor(page, id);
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(counter).toHaveAttribute("data-over-limit", "true");
  await page.screenshot({ path: test.info().outputPath("editor-dark.png"), fullPage: true });
  await page.context().close();
});

test("an agency update shows a banner and merges on request; history compares and restores a version live", async ({ browser, request, baseURL }) => {
  test.setTimeout(480_000);
  const emails = await Promise.all(["Greta Agency", "Hugo History"].map((name) => ensureUser(request, baseURL!, "editor", name)));
  const uri = `urn:e2e:agency-update:${Date.now()}`;
  const id = await ingestNinjs(request, baseURL!, { uri, version: 1, headline: "Flood warning", body: "<p>Rivers rise.</p>" });
  const [a, b] = await Promise.all(emails.map((email) => signedInPage(browser, email)));
  await openEditor(a!, id);
  await openEditor(b!, id);
  await headline(a!).click();
  await headline(a!).press("Home");
  await headline(a!).pressSequentially("UPDATE: ", { delay: 20 });
  await expect(headline(b!)).toHaveValue("UPDATE: Flood warning", { timeout: 20_000 });
  await expect(a!.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 20_000 });

  // The agency sends version 2: the desk's text stays; the banner shows what the agency changed.
  await ingestNinjs(request, baseURL!, { uri, version: 2, headline: "Flood warning extended", body: "<p>Rivers rise.</p><p>Schools close.</p>" });
  const banner = a!.getByRole("region", { name: "Agency update" });
  await expect(banner).toContainText("version 2", { timeout: 20_000 });
  await expect(banner.getByRole("group", { name: "Agency headline changes" }).locator("ins")).toContainText("extended");
  await expect(banner.getByRole("group", { name: "Agency body changes" }).locator("ins")).toContainText("Schools close.");
  await expect(headline(a!)).toHaveValue("UPDATE: Flood warning");
  await a!.screenshot({ path: test.info().outputPath("agency-update-light.png"), fullPage: true });

  await banner.getByRole("button", { name: "Bring in agency changes" }).click();
  // Both changes, in both editors: the desk's prefix and the agency's new word and paragraph.
  for (const page of [a!, b!]) {
    await expect(headline(page)).toHaveValue("UPDATE: Flood warning extended", { timeout: 20_000 });
    await expect(body(page)).toContainText("Schools close.");
  }
  await expect(banner).toBeHidden({ timeout: 20_000 });

  // The other editor writes an abstract: the comparison shows it (a restore would take it out).
  await b!.getByRole("textbox", { name: "Abstract", exact: true }).pressSequentially("Rivers crest", { delay: 20 });
  await expect(b!.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 20_000 });

  // History: the version kept at take, against the current copy, then restored; the other editor follows.
  await a!.getByRole("button", { name: "History", exact: true }).click();
  const versions = a!.getByRole("list", { name: "Versions" });
  await versions.getByRole("button", { name: /^Taken by Greta Agency/ }).click();
  const history = a!.getByRole("region", { name: "History" });
  await expect(history.getByRole("group", { name: "Headline changes" }).locator("ins").first()).toContainText("UPDATE:", { timeout: 20_000 });
  await expect(versions.getByRole("button", { name: /Agency update brought in.*Greta Agency/ })).toBeVisible();
  // Side by side: the taken version on the left keeps its words; the current copy on the right marks what came since.
  const headlineRow = history.getByRole("group", { name: "Headline changes" });
  await expect(headlineRow.getByRole("group", { name: /^Headline: Taken by Greta Agency/ })).toHaveText("Flood warning");
  const currentHeadline = headlineRow.getByRole("group", { name: "Headline: Current copy" });
  await expect(currentHeadline.locator("ins")).toContainText(["UPDATE:", "extended"]);
  await expect(currentHeadline.locator("del")).toHaveCount(0);
  await expect(history.getByRole("group", { name: "Abstract: Current copy" }).locator("ins")).toContainText("Rivers crest");
  await expect(history.getByRole("group", { name: "Slugline changes" })).toHaveCount(0);
  await a!.screenshot({ path: test.info().outputPath("history-light.png"), fullPage: true });

  // Any two versions: the agency's original against the version the update was brought in at.
  await versions.getByRole("button", { name: /^Agency's original/ }).click();
  const compareWith = history.getByRole("combobox", { name: "Compare with" });
  const broughtIn = await compareWith.locator("option", { hasText: /^Agency update brought in by Greta Agency/ }).getAttribute("value");
  expect(broughtIn).toMatch(/^\d+$/);
  await compareWith.selectOption(broughtIn ?? "");
  const bodyRow = history.getByRole("group", { name: "Body changes" });
  await expect(bodyRow.getByRole("group", { name: /^Body: Agency update brought in by Greta Agency/ }).locator("ins")).toContainText("Schools close.", { timeout: 20_000 });
  await expect(bodyRow.getByRole("group", { name: "Body: Agency's original" })).not.toContainText("Schools close.");
  await expect(headlineRow.getByRole("group", { name: "Headline: Agency's original" }).locator("del")).toHaveCount(0);
  for (const [width, height] of [[1440, 900], [1024, 768], [390, 844]] as const) {
    await a!.setViewportSize({ width, height });
    await a!.screenshot({ path: test.info().outputPath(`history-two-versions-${width}.png`), fullPage: true });
  }
  await a!.setViewportSize({ width: 1440, height: 900 });

  // Restore works on the left side's version: back to the one kept at take, against the current copy.
  await versions.getByRole("button", { name: /^Taken by Greta Agency/ }).click();
  await compareWith.selectOption("current");
  await history.getByRole("button", { name: "Restore this version" }).click();
  await expect(history.getByRole("status")).toHaveText("Restored as a new change.", { timeout: 20_000 });
  for (const page of [a!, b!]) {
    await expect(headline(page)).toHaveValue("Flood warning", { timeout: 20_000 });
    await expect(body(page)).not.toContainText("Schools close.");
  }
  await a!.context().close();
  await b!.context().close();
});
