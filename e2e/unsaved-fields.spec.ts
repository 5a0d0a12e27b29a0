import { expect, test, type APIRequestContext, type Page } from "./desk-test";
import { ensureUser, signedInPage } from "./helpers";
import { ingestStories, line, queue } from "./queue-helpers";

/** Three stories, ingested one by one so the queue shows them newest first: edited, near, far. */
async function threeStories(request: APIRequestContext, baseURL: string, name: string) {
  const tag = Date.now();
  const headlines = { far: `${name} far ${tag}`, near: `${name} near ${tag}`, edited: `${name} edited ${tag}` };
  const ingest = async (key: keyof typeof headlines) => (await ingestStories(request, baseURL, [{ uri: `urn:e2e:${name}:${tag}:${key}`, headline: headlines[key] }]))[0]!;
  const far = await ingest("far");
  const near = await ingest("near");
  const edited = await ingest("edited");
  return { tag, headlines, ids: { far, near, edited } };
}

/** Selects the story's line and opens the editing pane on it: back once its text has synced. */
async function startEditing(page: Page, headline: string) {
  await line(page, headline).click();
  await page.getByRole("article", { name: "Story" }).getByRole("button", { name: /^Edit/ }).click();
  const pane = page.getByRole("region", { name: "Editing" });
  await expect(pane.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 30_000 });
  return pane;
}

test("unsaved story fields: another line and j ask first; Keep editing keeps them, Leave without saving moves on", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Una Saved");
  const page = await signedInPage(browser, email);
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  const { headlines, ids } = await threeStories(request, baseURL!, "unsaved");
  await expect(line(page, headlines.far)).toBeVisible();
  const pane = await startEditing(page, headlines.edited);
  const urgency = pane.getByRole("combobox", { name: "Urgency" });
  const note = pane.getByRole("textbox", { name: "Editor's note" });
  await urgency.selectOption("2");
  await note.fill("Check the toll with the police");
  const ask = page.getByRole("alertdialog", { name: "Unsaved story fields" });
  /** The question was asked; Keep editing leaves the editor on the same story with the typed values, the focus on Save fields. */
  const keepEditing = async () => {
    await expect(ask).toContainText("Urgency, Editor's note are changed but not saved");
    await expect(ask.getByRole("button", { name: "Keep editing" })).toBeFocused();
    await ask.getByRole("button", { name: "Keep editing" }).click();
    await expect(ask).toBeHidden();
    await expect(pane).toHaveAttribute("data-story-id", ids.edited);
    await expect(pane.getByRole("button", { name: "Save fields" })).toBeFocused();
    await expect(urgency).toHaveValue("2");
    await expect(note).toHaveValue("Check the toll with the police");
    await expect(line(page, headlines.edited)).toHaveAttribute("aria-selected", "true");
    expect(new URL(page.url()).searchParams.get("story")).toBe(ids.edited);
  };

  // A click on another line, then j from the queue: each asks, and the editor stays.
  await line(page, headlines.near).click();
  await keepEditing();
  await queue(page).focus();
  await page.keyboard.press("j");
  await keepEditing();
  // The tab would close or reload: the browser asks too.
  expect(await page.evaluate(() => !window.dispatchEvent(new Event("beforeunload", { cancelable: true })))).toBe(true);

  // A link to another page of the app (Account) asks too, and Keep editing stays on the desk.
  await page.getByRole("link", { name: "Account" }).click();
  await keepEditing();

  // Leave without saving: j moves on, to the next line's story, and the typed values are gone.
  await queue(page).focus();
  await page.keyboard.press("j");
  await ask.getByRole("button", { name: "Leave without saving" }).click();
  await expect(pane).toBeHidden();
  await expect(line(page, headlines.near)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("article", { name: "Story" })).toHaveAttribute("data-story-id", ids.near);
  expect(await page.evaluate(() => !window.dispatchEvent(new Event("beforeunload", { cancelable: true })))).toBe(false);

  // Back on its line, the story opens in the editor again (it was being edited), without the dropped values.
  await line(page, headlines.edited).click();
  await expect(pane).toHaveAttribute("data-story-id", ids.edited);
  await expect(urgency).toHaveValue("5");
  await note.fill("Second thoughts");
  // A click on another line, answered Leave without saving: that story is shown.
  await line(page, headlines.far).click();
  await expect(ask).toContainText("Editor's note is changed but not saved");
  await ask.getByRole("button", { name: "Leave without saving" }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole("article", { name: "Story" })).toHaveAttribute("data-story-id", ids.far);
  const stored = (await (await page.request.get(`/api/stories/${ids.edited}`)).json()) as { urgency: number; editorNote: string | null };
  expect(stored).toMatchObject({ urgency: 5, editorNote: null });

  // The Account link, answered Leave without saving: the account page opens.
  await line(page, headlines.edited).click();
  await expect(pane).toHaveAttribute("data-story-id", ids.edited);
  await note.fill("Third thoughts");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(ask).toContainText("Editor's note is changed but not saved");
  await ask.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("unsaved story fields: the browser's back within the desk asks first", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Bea Back");
  const page = await signedInPage(browser, email);
  const { headlines, ids } = await threeStories(request, baseURL!, "back");
  await line(page, headlines.near).click();
  // A filter takes a history entry (with the story still selected); then another story, and its editor.
  await page.getByRole("combobox", { name: "Urgency from" }).selectOption("5");
  await expect(page).toHaveURL(/urgencyMin=5/);
  const pane = await startEditing(page, headlines.edited);
  await pane.getByRole("textbox", { name: "Editor's note" }).fill("Embargo until noon");
  const ask = page.getByRole("alertdialog", { name: "Unsaved story fields" });

  // Back (as the browser's button does it; Playwright's goBack would wait for a navigation the desk holds)
  // would select the entry before's story: asked first, and Keep editing stays on this entry.
  const back = () => page.evaluate(() => window.history.back());
  await back();
  await expect(ask).toContainText("Editor's note is changed but not saved");
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(ask).toBeHidden();
  await expect(pane.getByRole("textbox", { name: "Editor's note" })).toHaveValue("Embargo until noon");
  await expect(page).toHaveURL(new RegExp(`story=${ids.edited}.*edit=1`));

  // Asked again; Leave without saving lets the browser go back.
  await back();
  await ask.getByRole("button", { name: "Leave without saving" }).click();
  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`story=${ids.near}`));
  await expect(page).not.toHaveURL(/urgencyMin=5/);
  await expect(page.getByRole("article", { name: "Story" })).toHaveAttribute("data-story-id", ids.near);
});
