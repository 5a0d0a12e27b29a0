import { expect, test } from "./desk-test";
import { ensureUser, INGEST_TOKEN, signedInPage } from "./helpers";
import { saveShot } from "./layout-helpers";

test("an Arabic story reads and edits right to left: story view, headline, short fields and body", async ({ browser, request, baseURL }) => {
  test.setTimeout(240_000);
  const email = await ensureUser(request, baseURL!, "editor", "Rania Haddad");
  const response = await request.post(`${baseURL}/api/ingest`, {
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, "content-type": "application/json" },
    data: JSON.stringify({
      uri: `urn:e2e:rtl:${Date.now()}`,
      version: "1",
      type: "text",
      language: "ar",
      headlines: [{ role: "main", value: "ميناء بيروت يسجل رقما قياسيا في شهر أكتوبر" }],
      byline: "رانيا حداد",
      description_text: "ارتفعت حركة الحاويات بنسبة اثني عشر في المئة.",
      bodies: [{ role: "main", contenttype: "text/html", value: "<p>بيروت (رويترز) - قالت إدارة الميناء يوم الاثنين إن الشهر سجل رقما قياسيا.</p><p>وأضافت أن حركة الحاويات ارتفعت بنسبة 12 في المئة.</p>" }],
    }),
  });
  expect(response.status()).toBe(201);
  const { stories } = (await response.json()) as { stories: { id: string }[] };
  const page = await signedInPage(browser, email);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/stories/${stories[0]!.id}`);
  await expect(page.getByRole("article", { name: "Story" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("story-text")).toHaveAttribute("dir", "rtl");

  await page.getByRole("button", { name: /^Edit/ }).click();
  const body = page.getByRole("textbox", { name: "Body", exact: true });
  await expect(body).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible({ timeout: 30_000 });
  await expect(body).toHaveAttribute("dir", "rtl");
  await expect(body).toHaveAttribute("lang", "ar");
  for (const name of ["Headline", "Slugline", "Byline", "Abstract"]) {
    await expect(page.getByRole("textbox", { name, exact: true })).toHaveAttribute("dir", "rtl");
  }
  await expect(page.getByRole("textbox", { name: "Headline", exact: true })).toHaveValue(/ميناء بيروت/);
  // The other fields may mix scripts (an Arabic dateline, Latin keywords): each takes its own text's direction.
  await expect(page.getByRole("textbox", { name: "Dateline" })).toHaveAttribute("dir", "auto");
  // The text really runs from the right: the first paragraph's text ends nearer the right edge than the left.
  const [box, textBox] = await body.evaluate((element) => {
    const paragraph = element.querySelector("p")!;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const rect = range.getBoundingClientRect();
    const outer = element.getBoundingClientRect();
    return [{ left: outer.left, right: outer.right }, { left: rect.left, right: rect.right }];
  });
  expect(box.right - textBox.right).toBeLessThan(textBox.left - box.left);

  await page.mouse.move(0, 0);
  await saveShot(page, "rtl-editor.png");
});
