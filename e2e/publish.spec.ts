import { expect, test, type APIRequestContext, type Page } from "./desk-test";
import { ensureUser, ingestNinjs, signedInPage } from "./helpers";


/** Polls `check` until it passes, failing after `ms` (the outputs' 2 s promise). */
async function within(ms: number, check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function text(request: APIRequestContext, url: string): Promise<{ status: number; body: string }> {
  const response = await request.get(url);
  return { status: response.status(), body: await response.text() };
}

async function everyOutputHas(request: APIRequestContext, baseURL: string, id: string, headline: string): Promise<boolean> {
  const [front, rss, atom, api] = await Promise.all([text(request, `${baseURL}/news`), text(request, `${baseURL}/feed.rss`), text(request, `${baseURL}/feed.atom`), text(request, `${baseURL}/api/v1/published`)]);
  const story = await text(request, `${baseURL}/api/v1/published/${id}`);
  return front.body.includes(headline) && rss.body.includes(headline) && atom.body.includes(headline) && api.body.includes(`urn:wiredesk:story:${id}`) && story.status === 200;
}

function toolbarButton(page: Page, name: string) {
  return page.getByRole("toolbar", { name: "Story actions" }).getByRole("button", { name, exact: true });
}

/** Runs a toolbar action; correct and kill answer their dialog in its focused field, confirmed with Enter. */
async function runAction(page: Page, name: string, answer?: string): Promise<void> {
  await toolbarButton(page, name).click();
  if (!answer) return;
  const dialog = page.getByRole("dialog", { name: `${name} the story` });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole("textbox");
  await expect(field).toBeFocused();
  await field.fill(answer);
  await field.press("Enter");
  await expect(dialog).toBeHidden();
}

test("an editor takes and submits, a chief approves, publishes, corrects and kills: every output follows within 2 s", async ({ browser, request, baseURL }) => {
  test.setTimeout(240_000); // three browser contexts on a loaded machine
  const runId = Date.now().toString(36);
  const headline = `Harbour reopens after storm ${runId}`;
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:publish:${runId}`, headline, body: "<p>The harbour reopened on Tuesday.</p>" });
  const editor = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Edna Editor"));
  const chief = await signedInPage(browser, await ensureUser(request, baseURL!, "chief", "Chris Chief"));

  await editor.goto(`/?story=${id}`);
  await runAction(editor, "Take");
  await runAction(editor, "Submit");
  await expect(toolbarButton(editor, "Approve")).toBeDisabled();

  // The chief sees the story waiting in the header's count and filters to it.
  await chief.getByRole("button", { name: /^submitted: \d+, show only these$/ }).click();
  await expect(chief.getByRole("listbox", { name: "Wire queue" }).getByRole("option", { name: new RegExp(runId) })).toBeVisible();
  await chief.goto(`/?story=${id}`);
  await runAction(chief, "Approve");
  await runAction(chief, "Publish");
  await expect(toolbarButton(chief, "Correct")).toBeVisible();
  await within(2000, () => everyOutputHas(request, baseURL!, id, headline), "the publication reaching every output");

  // The public pages: front page, the story's own page with its tags, no login needed, and no script at
  // all (nothing for the page's script-src 'none' to block, so the console stays clean).
  const reader = await (await browser.newContext()).newPage();
  const consoleErrors: string[] = [];
  reader.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") consoleErrors.push(message.text());
  });
  reader.on("pageerror", (error) => consoleErrors.push(error.message));
  await reader.goto("/news");
  await reader.getByRole("link", { name: headline }).click();
  await expect(reader).toHaveURL(new RegExp(`/news/harbour-reopens-after-storm-${runId}-${id}$`));
  await expect(reader.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(reader.getByText("The harbour reopened on Tuesday.")).toBeVisible();
  await expect(reader.getByText("Source: E2E Wire")).toBeVisible();
  await expect(reader.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/news/harbour-reopens-after-storm-${runId}-${id}$`));
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", headline);
  await expect(reader.locator("script")).toHaveCount(0);
  await expect(reader.locator('link[rel="preload"][as="script"], link[rel="modulepreload"]')).toHaveCount(0);
  await reader.goto("/news");
  await expect(reader.locator("script")).toHaveCount(0);
  await reader.goBack();
  const storyUrl = reader.url();
  // The server keeps the rendered page: a reader or CDN revalidating with its ETag gets 304, under the same policy.
  const etag = (await request.get(storyUrl)).headers()["etag"]!;
  const revalidated = await request.get(storyUrl, { headers: { "if-none-match": etag } });
  expect(revalidated.status()).toBe(304);
  expect(revalidated.headers()["content-security-policy"]).toContain("script-src 'none'");

  // Correct: Escape leaves the dialog without correcting and gives focus back to the button; an empty
  // note is refused in the dialog; then the note goes out.
  await toolbarButton(chief, "Correct").focus();
  await chief.keyboard.press("Enter");
  const correctDialog = chief.getByRole("dialog", { name: "Correct the story" });
  await expect(correctDialog.getByRole("textbox", { name: "Correction note" })).toBeFocused();
  await chief.keyboard.press("Enter");
  await expect(correctDialog.getByRole("alert")).toHaveText("Write the note readers will see.");
  await chief.keyboard.press("Escape");
  await expect(correctDialog).toBeHidden();
  await expect(toolbarButton(chief, "Correct")).toBeFocused();

  await runAction(chief, "Correct", "The harbour master's name was corrected.");
  await within(2000, async () => (await text(request, storyUrl)).body.includes("The harbour master&#x27;s name was corrected."), "the correction note on the story page");
  expect((await request.get(storyUrl, { headers: { "if-none-match": etag } })).status()).toBe(200);
  await reader.reload();
  await expect(reader.getByRole("complementary", { name: "Corrections" })).toContainText("The harbour master's name was corrected.");

  expect(consoleErrors).toEqual([]); // (the 410 below is logged by the browser as a failed load)

  await runAction(chief, "Kill", "Legal advice.");
  await within(
    2000,
    async () => {
      const [page, rss, atom, api, item] = await Promise.all([text(request, storyUrl), text(request, `${baseURL}/feed.rss`), text(request, `${baseURL}/feed.atom`), text(request, `${baseURL}/api/v1/published`), text(request, `${baseURL}/api/v1/published/${id}`)]);
      return page.status === 410 && !rss.body.includes(headline) && !atom.body.includes(headline) && !api.body.includes(id) && item.status === 410;
    },
    "the kill leaving every output",
  );
  const gone = await reader.goto(storyUrl);
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole("heading", { name: "This story has been withdrawn" })).toBeVisible();
});

test("a chief schedules a story from a dialog: a labelled time field, past times refused", async ({ browser, request, baseURL }) => {
  test.setTimeout(90_000);
  const runId = Date.now().toString(36);
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:schedule:${runId}`, headline: `Council budget vote ${runId}`, body: "<p>The council votes on Thursday.</p>" });
  const chief = await signedInPage(browser, await ensureUser(request, baseURL!, "chief", "Chris Chief"));
  await chief.goto(`/?story=${id}`);
  await runAction(chief, "Take");
  await runAction(chief, "Submit");
  await runAction(chief, "Approve");
  await toolbarButton(chief, "Schedule").click();
  const dialog = chief.getByRole("dialog", { name: "Schedule the story" });
  const when = dialog.getByLabel("Publish at");
  await expect(when).toBeFocused();
  await when.fill("2020-01-01T09:00");
  await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Pick a time in the future.");
  await when.fill("2099-06-01T09:30");
  await chief.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(toolbarButton(chief, "Schedule")).toBeFocused();
  const story = (await (await chief.request.get(`/api/stories/${id}`)).json()) as { state: string };
  expect(story.state).toBe("scheduled");
});
