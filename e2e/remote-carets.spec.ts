import { expect, test, type Page } from "./desk-test";
import { ensureUser, ingestNinjs, openStoryEditor, signedInPage } from "./helpers";
import { saveShot } from "./layout-helpers";

const headline = (page: Page) => page.getByRole("textbox", { name: "Headline", exact: true });
const body = (page: Page) => page.getByRole("textbox", { name: "Body", exact: true });

/** Where `name`'s caret sits in the page's body: which paragraph, and that paragraph's text before and after it. */
function bodyCaretPlace(page: Page, name: string) {
  return body(page).evaluate((element, name) => {
    const caret = Array.from(element.querySelectorAll(".collaboration-carets__caret")).find((each) => each.textContent === name);
    const paragraph = caret?.closest("p");
    if (!caret || !paragraph) return null;
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEndBefore(caret);
    const after = document.createRange();
    after.setStartAfter(caret);
    after.setEnd(paragraph, paragraph.childNodes.length);
    return { paragraph: Array.from(element.querySelectorAll("p")).indexOf(paragraph), before: before.toString(), after: after.toString() };
  }, name);
}

/**
 * How `name`'s caret in the body is laid out, and whether it moves any text: the paragraph's height and
 * the boxes of its text, with the caret shown and hidden, must be the same.
 */
function bodyCaretLayout(page: Page, name: string) {
  return body(page).evaluate((element, name) => {
    const caret = Array.from(element.querySelectorAll<HTMLElement>(".collaboration-carets__caret")).find((each) => each.textContent === name)!;
    const label = caret.querySelector(".collaboration-carets__label")!;
    const paragraph = caret.closest("p")!;
    const textBoxes = () => {
      const boxes = [`height ${paragraph.getBoundingClientRect().height}`];
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (caret.contains(node)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of Array.from(range.getClientRects())) boxes.push(`${Math.round(box.left)},${Math.round(box.top)}-${Math.round(box.right)},${Math.round(box.bottom)}`);
      }
      return boxes.join(" ");
    };
    const shown = textBoxes();
    caret.style.display = "none";
    const hidden = textBoxes();
    caret.style.display = "";
    const style = getComputedStyle(label);
    return {
      movesText: shown !== hidden,
      caretWidth: caret.getBoundingClientRect().width,
      label: { position: style.position, whiteSpace: style.whiteSpace, pointerEvents: style.pointerEvents, userSelect: style.userSelect },
    };
  }, name);
}

/** How far (px) `name`'s headline caret is from the end of the headline's text, measured in the page's own field. */
function headlineCaretOffEnd(page: Page, name: string) {
  return headline(page).evaluate((input: HTMLInputElement, name) => {
    const caret = Array.from(document.querySelectorAll<HTMLElement>('[data-caret-for="Headline"]')).find((each) => each.textContent === name);
    if (!caret) return null;
    const style = getComputedStyle(input);
    const mirror = document.createElement("span");
    mirror.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font}`;
    mirror.textContent = input.value;
    document.body.append(mirror);
    const end = input.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) + mirror.getBoundingClientRect().width - input.scrollLeft;
    mirror.remove();
    const box = caret.getBoundingClientRect();
    return Math.abs(box.left + box.width / 2 - end);
  }, name);
}

test("another editor's caret follows their typing, named, without moving the text; light and dark", async ({ browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const [reader, typist] = ["Rita Reader", "Bruno Typist"];
  const [readerEmail, typistEmail] = await Promise.all([reader, typist].map((name) => ensureUser(request, baseURL!, "editor", name)));
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:carets:${Date.now()}`, headline: "Rivers rise", body: "<p>Rivers rise across the north.</p>" });
  const a = await signedInPage(browser, readerEmail!, { timeout: 90_000 });
  await a.setViewportSize({ width: 1440, height: 900 });
  const b = await signedInPage(browser, typistEmail!, { timeout: 90_000 });
  await openStoryEditor(a, id);
  await openStoryEditor(b, id);

  // B types at the end of the paragraph, then a new one: A sees B's caret after the last key each time.
  await body(b).click();
  await b.keyboard.press("Control+End");
  await body(b).pressSequentially(" Roads shut", { delay: 50 });
  await expect.poll(() => bodyCaretPlace(a, typist), { timeout: 5000 }).toEqual({ paragraph: 0, before: "Rivers rise across the north. Roads shut", after: "" });
  await b.keyboard.press("Enter");
  await body(b).pressSequentially("Schools close", { delay: 50 });
  await expect.poll(() => bodyCaretPlace(a, typist), { timeout: 5000 }).toEqual({ paragraph: 1, before: "Schools close", after: "" });
  // A thin caret and a floating name: nothing in the paragraph moves or wraps for it.
  const layout = await bodyCaretLayout(a, typist);
  expect(layout.movesText, "the caret moves the paragraph's text").toBe(false);
  expect(layout.caretWidth).toBeLessThanOrEqual(2);
  expect(layout.label).toEqual({ position: "absolute", whiteSpace: "nowrap", pointerEvents: "none", userSelect: "none" });
  // A screen reader reading the body never hears B's name in the middle of the text.
  await expect(body(a).locator(".collaboration-carets__caret").filter({ hasText: typist })).toHaveAttribute("aria-hidden", "true");
  expect(await body(a).ariaSnapshot()).not.toContain(typist);
  // In the middle of a word too (where the unstyled label split the word across lines).
  await b.keyboard.press("Control+Home");
  for (let i = 0; i < 9; i++) await b.keyboard.press("ArrowRight");
  await expect.poll(() => bodyCaretPlace(a, typist), { timeout: 5000 }).toEqual({ paragraph: 0, before: "Rivers ri", after: "se across the north. Roads shut" });
  expect((await bodyCaretLayout(a, typist)).movesText, "the caret moves the paragraph's text").toBe(false);

  // The headline's caret follows the same way, and looks the same.
  await headline(b).click();
  await headline(b).press("End");
  await headline(b).pressSequentially(" again", { delay: 50 });
  await expect(headline(a)).toHaveValue("Rivers rise again");
  await expect.poll(() => headlineCaretOffEnd(a, typist), { timeout: 5000 }).toBeLessThan(2);
  await expect(a.locator('[data-caret-for="Headline"]').filter({ hasText: typist })).toHaveAttribute("aria-hidden", "true");

  // B selects a word in the body: A sees it in B's colour. Pictures of both themes at 1440 px.
  await body(b).click();
  await b.keyboard.press("Control+End");
  await b.keyboard.press("Control+Shift+ArrowLeft");
  const caret = body(a).locator(".collaboration-carets__caret").filter({ hasText: typist });
  await expect.poll(() => bodyCaretPlace(a, typist), { timeout: 5000 }).toMatchObject({ paragraph: 1, before: "Schools " });
  await caret.scrollIntoViewIfNeeded();
  await saveShot(a, "remote-caret-1440-light.png");
  await a.context().addCookies([{ name: "wd_theme", value: "dark", url: baseURL! }]);
  await openStoryEditor(a, id);
  await expect(a.locator("html")).toHaveClass(/dark/);
  await expect(caret).toBeVisible({ timeout: 10_000 });
  await caret.scrollIntoViewIfNeeded();
  await saveShot(a, "remote-caret-1440-dark.png");
});

test("carets show in every short field; one scrolled out of view waits at the field's edge with an arrow", async ({ browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const [reader, typist] = ["Rhea Reader", "Tomas Typist"];
  const [readerEmail, typistEmail] = await Promise.all([reader, typist].map((name) => ensureUser(request, baseURL!, "editor", name)));
  const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:field-carets:${Date.now()}`, headline: "Short", body: "<p>Text.</p>" });
  const [a, b] = [await signedInPage(browser, readerEmail!, { timeout: 90_000 }), await signedInPage(browser, typistEmail!, { timeout: 90_000 })];
  await openStoryEditor(a, id);
  await openStoryEditor(b, id);
  const caretIn = (field: string) => a.locator(`[data-caret-for="${field}"]`).filter({ hasText: typist });

  for (const field of ["Slugline", "Byline"]) {
    await b.getByRole("textbox", { name: field, exact: true }).click();
    await b.getByRole("textbox", { name: field, exact: true }).pressSequentially("abc", { delay: 30 });
    await expect(caretIn(field)).toHaveText(typist, { timeout: 5000 });
    await expect(caretIn(field)).toHaveAttribute("aria-hidden", "true");
  }
  // The abstract wraps: it names who is typing in it.
  await b.getByRole("textbox", { name: "Abstract", exact: true }).click();
  await b.getByRole("textbox", { name: "Abstract", exact: true }).pressSequentially("A line", { delay: 30 });
  await expect(caretIn("Abstract")).toHaveText(typist, { timeout: 5000 });
  await expect(caretIn("Slugline")).toHaveCount(0); // left the slugline: its caret is gone

  // B types past the width of A's headline: A's field shows its start, so B's caret waits at the right edge, pointing on.
  await headline(b).click();
  await headline(b).press("End");
  await headline(b).pressSequentially(" and a much longer headline that runs on past the width of the field on every screen", { delay: 5 });
  await expect(caretIn("Headline")).toHaveAttribute("data-out-of-view", "end", { timeout: 5000 });
  await expect(caretIn("Headline")).toHaveText(`${typist} ▸`);
  // The caret and its name stay over the field, not off its edge.
  const [field, caret, name] = [await headline(a).boundingBox(), await caretIn("Headline").boundingBox(), await caretIn("Headline").locator(".collaboration-carets__label").boundingBox()];
  expect(caret!.x + caret!.width).toBeLessThanOrEqual(field!.x + field!.width);
  expect(name!.x + name!.width).toBeLessThanOrEqual(field!.x + field!.width + 1);
  // The name hangs back into the field's own row, where its counter is: the counter stays on top, readable.
  const counter = a.getByLabel("Headline length", { exact: true });
  const counterOnTop = () => counter.evaluate((el) => [0.25, 0.5, 0.75].every((x) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width * x, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  }));
  const [counterBox, nameBox] = [await counter.boundingBox(), await caretIn("Headline").locator(".collaboration-carets__label").boundingBox()];
  expect(nameBox!.y, "the name reaches up into the counter's row").toBeLessThan(counterBox!.y + counterBox!.height);
  expect(await counterOnTop()).toBe(true);
  // Once A's field shows the end too, the caret is back where B types.
  await headline(a).click();
  await headline(a).press("End");
  await expect(caretIn("Headline")).not.toHaveAttribute("data-out-of-view", /.+/, { timeout: 5000 });
  await expect.poll(() => headlineCaretOffEnd(a, typist), { timeout: 5000 }).toBeLessThan(2);
  await saveShot(a, "field-carets-1440.png");
});
