import { expect, test, type Page } from "./desk-test";
import { ensureUser, ingestNinjs, openStoryEditor, signedInPage } from "./helpers";
import { pageAt, saveShot } from "./layout-helpers";
import { ingestStories, line, queue } from "./queue-helpers";

test("the editing pane from the keyboard: e puts the cursor in the headline; Esc and Done go back to the story's line", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Kit Keys");
  const page = await signedInPage(browser, email);
  await expect(page.getByRole("status", { name: /Connection: Live/ })).toBeVisible();
  const tag = Date.now();
  const below = `Keys below ${tag}`;
  const edited = `Keys edited ${tag}`;
  await ingestStories(request, baseURL!, [{ uri: `urn:e2e:editor-keys:${tag}:1`, headline: below }]);
  const [id] = await ingestStories(request, baseURL!, [{ uri: `urn:e2e:editor-keys:${tag}:2`, headline: edited }]);
  await expect(line(page, edited)).toBeVisible();
  await expect(line(page, below)).toBeVisible();
  const pane = page.getByRole("region", { name: "Editing" });
  const headline = pane.getByRole("textbox", { name: "Headline", exact: true });
  /** The editor is back on the queue, on the story's line, and the next key moves the selection. */
  const expectBackOnLine = async () => {
    await expect(pane).toBeHidden();
    await expect(queue(page)).toBeFocused();
    await expect(queue(page)).toHaveAttribute("aria-activedescendant", `story-${id}`);
    await page.keyboard.press("j");
    await expect(line(page, below)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("k");
    await expect(line(page, edited)).toHaveAttribute("aria-selected", "true");
  };

  await queue(page).focus();
  await page.keyboard.press("j");
  await expect(line(page, edited)).toHaveAttribute("aria-selected", "true");
  // e: the cursor is at the end of the headline at once, so the editor just types.
  await page.keyboard.press("e");
  await expect(headline).toBeFocused({ timeout: 30_000 });
  await page.keyboard.type(" now");
  await expect(headline).toHaveValue(`${edited} now`);
  // Esc leaves the editor from a field; the keys after it act on the queue, not on the text.
  await page.keyboard.press("Escape");
  await expectBackOnLine();
  await expect(line(page, edited)).toContainText(`${edited} now`, { timeout: 20_000 });

  // And from the body, where the text editor takes every Escape as its own.
  await page.keyboard.press("e");
  await expect(headline).toBeFocused({ timeout: 30_000 });
  await pane.getByRole("textbox", { name: "Body", exact: true }).click();
  await page.keyboard.press("Escape");
  await expectBackOnLine();

  // Done does the same.
  await page.keyboard.press("e");
  await expect(headline).toBeFocused({ timeout: 30_000 });
  await pane.getByRole("button", { name: "Done" }).click();
  await expectBackOnLine();
  await expect(headline).toBeHidden();

  // Fields saved with a button are never dropped on the way out: Esc asks, and Keep editing leads to Save fields.
  await page.keyboard.press("e");
  await expect(headline).toBeFocused({ timeout: 30_000 });
  await pane.getByRole("textbox", { name: "Keywords" }).fill("storm, coast");
  await page.keyboard.press("Escape");
  const ask = page.getByRole("alertdialog", { name: "Unsaved story fields" });
  await expect(ask).toContainText("Keywords");
  await expect(ask.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toBeHidden();
  await expect(pane.getByRole("button", { name: "Save fields" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(pane.getByRole("status").filter({ hasText: /^Saved\.$/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expectBackOnLine();
  const stored = (await (await page.request.get(`/api/stories/${id}`)).json()) as { keywords: string[] };
  expect(stored.keywords).toEqual(["storm", "coast"]);
});

test("the body editor: Ctrl+Home goes to the start; pasted HTML keeps its text and runs nothing", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Hal Home");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:body-keys:${Date.now()}`, headline: "Home key", body: "<p>First para.</p><p>Second para.</p>" });
  const page = await signedInPage(browser, email);
  await page.goto(`/stories/${id}`);
  await page.getByRole("button", { name: /^Edit/ }).click();
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(body).toContainText("Second para.");
  await body.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" End.");
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Start. ");
  await expect(body.locator("p").first()).toHaveText("Start. First para.");
  await expect(body.locator("p").last()).toHaveText("Second para. End.");
  // A reload keeps the editor's place: the URL says the story was open for editing, and it opens again.
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 20_000 });
  expect(new URL(page.url()).searchParams.get("edit")).toBe("1");
  await page.reload();
  await expect(body.locator("p").first()).toHaveText("Start. First para.", { timeout: 20_000 });
  await body.click();

  // A paste carrying an inline handler and a script: the text arrives; ProseMirror parses the HTML in a
  // detached document (nothing in it runs) and its schema keeps neither. (Chromium still reports the
  // handler to the page's CSP as it parses; that report is all that happens.)
  await page.keyboard.press("Control+End");
  await body.evaluate((element) => {
    const data = new DataTransfer();
    data.setData("text/html", '<p>Pasted line.<img src="x" onerror="window.pwned = 1"><script>window.pwned = 2</script></p>');
    data.setData("text/plain", "Pasted line.");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body).toContainText("Pasted line.");
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(body.locator("img, script")).toHaveCount(0);
  // And the desk copy written back has the text and nothing else of the paste.
  const stored = async () => ((await (await page.request.get(`/api/stories/${id}`)).json()) as { bodyHtml: string }).bodyHtml;
  await expect.poll(stored, { timeout: 10_000 }).toContain("Pasted line.");
  expect(await stored()).not.toMatch(/<img|onerror|<script/);
});

test("undo in the headline takes back your own typing only, after a co-editor typed too", async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000); // two browsers opening the editor
  const [first, second] = [await ensureUser(request, baseURL!, "editor", "Una Undo"), await ensureUser(request, baseURL!, "editor", "Rex Redo")];
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:headline-undo:${Date.now()}`, headline: "Undo me", body: "<p>Text.</p>" });
  const [a, b] = [await signedInPage(browser, first), await signedInPage(browser, second)];
  const headlines = [] as ReturnType<typeof a.getByRole>[];
  for (const page of [a, b]) {
    await page.goto(`/stories/${id}`);
    await page.getByRole("button", { name: /^Edit/ }).click();
    headlines.push(page.getByRole("textbox", { name: "Headline", exact: true }));
  }
  const [mine, theirs] = headlines as [ReturnType<typeof a.getByRole>, ReturnType<typeof a.getByRole>];
  await expect(mine).toHaveValue("Undo me", { timeout: 20_000 });
  await mine.click();
  await a.keyboard.press("End");
  await a.keyboard.type(" alpha");
  await expect(theirs).toHaveValue("Undo me alpha");
  await theirs.click();
  await b.keyboard.press("End");
  await b.keyboard.type(" beta");
  await expect(mine).toHaveValue("Undo me alpha beta");

  await mine.click();
  await a.keyboard.press("Control+z");
  await expect(mine).toHaveValue("Undo me beta");
  await expect(theirs).toHaveValue("Undo me beta");
  await a.keyboard.press("Control+Shift+z");
  await expect(mine).toHaveValue("Undo me alpha beta");
  await expect(theirs).toHaveValue("Undo me alpha beta");
});

test("an editor in the story from two tabs shows once under Editing now", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Tia Twotabs");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:two-tabs:${Date.now()}`, headline: "Two tabs", body: "<p>Text.</p>" });
  const [one, two] = [await signedInPage(browser, email), await signedInPage(browser, email)];
  for (const page of [one, two]) {
    await page.goto(`/stories/${id}`);
    await page.getByRole("button", { name: /^Edit/ }).click();
    await expect(page.getByRole("textbox", { name: "Headline", exact: true })).toHaveValue("Two tabs", { timeout: 20_000 });
  }
  // Both tabs' carets are known (the second tab's caret reached the first) before counting.
  await two.getByRole("textbox", { name: "Headline", exact: true }).click();
  await expect(one.locator('[data-caret-for="Headline"]')).toHaveCount(1);
  await expect(one.getByRole("list", { name: "Editing now" }).getByRole("listitem")).toHaveCount(1);
  await expect(one.getByRole("list", { name: "Editing now" })).toContainText("Tia Twotabs");
});

test("the length counters describe their fields, and past the limit say so in words", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Cora Counter");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:counters:${Date.now()}`, headline: "Short", body: "<p>Four words in here.</p>" });
  const page = await signedInPage(browser, email);
  await page.goto(`/stories/${id}`);
  await page.getByRole("button", { name: /^Edit/ }).click();
  const slugline = page.getByRole("textbox", { name: "Slugline", exact: true });
  await expect(page.getByRole("textbox", { name: "Headline", exact: true })).toHaveAccessibleDescription(/^5 of \d+ characters$/, { timeout: 20_000 });
  await expect(page.getByRole("textbox", { name: "Body", exact: true })).toHaveAccessibleDescription("4 words");
  await slugline.fill("x".repeat(30));
  await expect(slugline).toHaveAccessibleDescription("30 of 24 characters, over the limit");
});

test("a viewer opens the pane with e to watch: it says so, not that changes are saved, and follows the typing", async ({ browser, request, baseURL }) => {
  const [editorEmail, viewerEmail] = [await ensureUser(request, baseURL!, "editor", "Eli Editor"), await ensureUser(request, baseURL!, "viewer", "Vera Viewer")];
  const headline = `Watch me ${Date.now()}`;
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:watch:${Date.now()}`, headline, body: "<p>Text.</p>" });
  const editor = await signedInPage(browser, editorEmail);
  await openStoryEditor(editor, id);
  const viewer = await signedInPage(browser, viewerEmail);
  await viewer.goto(`/stories/${id}`);
  await line(viewer, headline).click();
  await viewer.keyboard.press("e");
  await expect(viewer.getByRole("heading", { name: "Watching" })).toBeVisible({ timeout: 20_000 });
  await expect(viewer.getByRole("status").filter({ hasText: "Watching live" })).toBeVisible({ timeout: 20_000 });
  await expect(viewer.getByRole("status").filter({ hasText: "All changes saved" })).toHaveCount(0);
  // Each sees the other in the pane: the editor among those editing, the viewer among those watching, neither themself.
  await expect(viewer.getByRole("list", { name: "Editing now" }).getByRole("listitem")).toHaveText([/Eli Editor$/]);
  await expect(viewer.getByRole("list", { name: "Watching now" })).toHaveCount(0);
  await expect(editor.getByRole("list", { name: "Watching now" }).getByRole("listitem")).toHaveText([/Vera Viewer$/], { timeout: 20_000 });
  await expect(editor.getByRole("list", { name: "Editing now" }).getByRole("listitem")).toHaveText([/Eli Editor$/]);
  for (const width of [1440, 390]) {
    await editor.setViewportSize({ width, height: 900 });
    await editor.screenshot({ path: test.info().outputPath(`watching-${width}.png`) });
  }
  await editor.setViewportSize({ width: 1440, height: 900 });
  const typed = editor.getByRole("textbox", { name: "Headline", exact: true });
  await typed.click();
  await editor.keyboard.press("End");
  await editor.keyboard.type(" now");
  await expect(viewer.getByRole("textbox", { name: "Headline", exact: true })).toHaveValue(`${headline} now`);
});

test("the body's formatting buttons show what applies where the caret is", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Fern Format");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:pressed:${Date.now()}`, headline: "Pressed", body: "<p>Plain paragraph.</p><blockquote><p>A quoted line.</p></blockquote><ul><li><p>A listed point.</p></li></ul>" });
  const page = await signedInPage(browser, email);
  await openStoryEditor(page, id);
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  const quote = page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Quote" });
  await body.getByText("A quoted line.").click();
  await expect(quote).toHaveAttribute("aria-pressed", "true");
  await body.getByText("Plain paragraph.").click();
  await expect(quote).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Control+b");
  await expect(page.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true");
  // A list and a quote look like one, in the editor and in the reading pane, as readers will see them.
  const looks = (root: ReturnType<Page["locator"]>) =>
    Promise.all([root.locator("ul").first().evaluate((el) => getComputedStyle(el).listStyleType), root.locator("blockquote").first().evaluate((el) => getComputedStyle(el).borderInlineStartWidth)]);
  expect(await looks(body)).toEqual(["disc", "3px"]);
  await page.getByRole("region", { name: "Editing" }).getByRole("button", { name: "Done" }).click();
  expect(await looks(page.getByRole("article", { name: "Story" }).locator(".story-body"))).toEqual(["disc", "3px"]);
});

/** Selects `length` characters of the body's first paragraph from `start`, with the keyboard. */
async function selectInBody(page: Page, start: number, length: number): Promise<void> {
  await page.getByRole("textbox", { name: "Body", exact: true }).click();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < start; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < length; i++) await page.keyboard.press("Shift+ArrowRight");
}

test("the body's Link asks for the address under the toolbar: Ctrl+K too, refusing other schemes, empty removes, Esc cancels", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Lin Linker");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:link-form:${Date.now()}`, headline: "Links", body: "<p>Read the report today.</p>" });
  const page = await signedInPage(browser, email);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openStoryEditor(page, id);
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  const link = page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Link" });
  const address = page.getByRole("textbox", { name: "Link address" });
  const refusal = page.getByRole("alert").filter({ hasText: "Not applied" });
  const links = body.locator("a");

  // The toolbar's button: "report" becomes a link.
  await selectInBody(page, "Read the ".length, "report".length);
  await expect(link).toHaveAccessibleDescription("Make the selection a link (Ctrl+K)");
  await expect(link).not.toHaveAttribute("data-in-link");
  await link.click();
  await expect(link).toHaveAttribute("aria-expanded", "true");
  await expect(address).toBeFocused();
  await expect(address).toHaveValue("");
  await address.fill("https://example.org/report");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(address).toBeHidden();
  await expect(link).toHaveAttribute("aria-expanded", "false");
  await expect(body).toBeFocused();
  await expect(links).toHaveCount(1);
  await expect(links).toHaveText("report");
  await expect(links).toHaveAttribute("href", "https://example.org/report");

  // Ctrl+K with the caret in the link: the button says so, and the form opens with its address. A script is refused in words.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(link).toHaveAccessibleDescription("The caret is in a link: edit or remove it (Ctrl+K)");
  await expect(link).toHaveAttribute("data-in-link", "true");
  await page.keyboard.press("Control+k");
  await expect(address).toBeFocused();
  await expect(address).toHaveValue("https://example.org/report");
  await address.fill("javascript:alert(1)");
  await page.keyboard.press("Enter");
  await expect(refusal).toContainText("http:, https: or mailto:");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(address).toHaveAccessibleDescription(/Not applied/);
  await expect(address).toBeFocused();
  await expect(links).toHaveAttribute("href", "https://example.org/report");
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);

  // Enter applies a mail address (typed bare: it gets its mailto:) to the whole link, and the desk copy gets it.
  await address.fill("desk@example.org");
  await expect(refusal).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(address).toBeHidden();
  await expect(links).toHaveText("report");
  await expect(links).toHaveAttribute("href", "mailto:desk@example.org");
  const stored = async () => ((await (await page.request.get(`/api/stories/${id}`)).json()) as { bodyHtml: string }).bodyHtml;
  await expect.poll(stored, { timeout: 10_000 }).toContain('href="mailto:desk@example.org"');

  // Esc cancels: nothing changes, the pane stays open and the caret is back where it was ("re|port").
  await page.keyboard.press("Control+k");
  await address.fill("https://example.org/other");
  await page.keyboard.press("Escape");
  await expect(address).toBeHidden();
  await expect(page.getByRole("region", { name: "Editing" })).toBeVisible();
  await expect(body).toBeFocused();
  await page.keyboard.type("X");
  await expect(body.locator("p")).toHaveText("Read the reXport today.");
  await expect(links).toHaveAttribute("href", "mailto:desk@example.org");

  // An empty address removes the link.
  await page.keyboard.press("Control+k");
  await address.fill("");
  await page.keyboard.press("Enter");
  await expect(links).toHaveCount(0);
  await expect(body.locator("p")).toHaveText("Read the reXport today.");

  // At a bare caret outside a link the address goes in as its own link, and the typing after it is not linked.
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" See ");
  await page.keyboard.press("Control+k");
  await address.fill("https://example.org/more");
  await page.keyboard.press("Enter");
  await page.keyboard.type(" now.");
  await expect(links).toHaveText("https://example.org/more");
  await expect(links).toHaveAttribute("href", "https://example.org/more");
  await expect(body.locator("p")).toHaveText("Read the reXport today. See https://example.org/more now.");
  expect(dialogs, "the browser's own prompts").toEqual([]);
});

test("the link form, light and dark, at 1,440 and 390 px", { tag: "@screenshots" }, async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const email = await ensureUser(request, baseURL!, "editor", "Lin Shots");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:link-form-shots:${Date.now()}`, headline: "Links in pictures", body: "<p>Read the report today.</p>" });
  for (const theme of ["light", "dark"] as const) {
    for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      const page = await pageAt(browser, size, email, undefined, theme);
      await openStoryEditor(page, id);
      await selectInBody(page, "Read the ".length, "report".length);
      await page.keyboard.press("Control+k");
      const address = page.getByRole("textbox", { name: "Link address" });
      await address.fill("javascript:alert(1)");
      await page.keyboard.press("Enter");
      await expect(page.getByRole("alert").filter({ hasText: "Not applied" })).toBeVisible();
      await address.scrollIntoViewIfNeeded();
      await saveShot(page, `link-form-${size.width}-${theme}.png`);
      await page.context().close();
    }
  }
});

test("in a long body the formatting toolbar stays in view, under the pane's own bar below 1,280 px", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Lou Long");
  const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i + 1} of a long story that runs on for a while.</p>`).join("");
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:long-body:${Date.now()}`, headline: "Long body", body: paragraphs });
  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    const page = await pageAt(browser, size, email);
    await openStoryEditor(page, id);
    const body = page.getByRole("textbox", { name: "Body", exact: true });
    await body.getByText("Paragraph 60 of").click();
    await page.keyboard.press("Control+End");
    const toolbar = page.getByRole("toolbar", { name: "Body formatting" });
    // At the end of the body, the toolbar is on screen and nothing covers it: a click on List formats the last paragraph.
    const onTop = await toolbar.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 8, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= window.innerHeight && hit !== null && el.contains(hit);
    });
    expect(onTop, `toolbar in view at ${size.width}`).toBe(true);
    await saveShot(page, `long-body-toolbar-${size.width}.png`);
    await toolbar.getByRole("button", { name: "List" }).click();
    await expect(body.locator("ul li").last()).toContainText("Paragraph 60 of");
    await page.keyboard.press("Control+z");
    await expect(body.locator("ul")).toHaveCount(0);
    await page.context().close();
  }
});
