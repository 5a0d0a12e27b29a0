import { expect, test, type Page } from "./desk-test";
import { ADMIN, ensureUser } from "./helpers";
import { expectNoSidewaysScroll, pageAt, saveShot } from "./layout-helpers";
import { ingestStories, line, queue, type WireStory } from "./queue-helpers";

// Several browser contexts per test, each signing in: give a loaded machine time.
test.describe.configure({ timeout: 150_000 });

const LONG = "Coastal towns brace for the strongest storm in a decade as ports close and ferries stay in harbour";

async function seed(request: Parameters<typeof ingestStories>[0], baseURL: string, agency: string, count: number): Promise<{ ids: string[]; headlines: string[] }> {
  const tag = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const stories: WireStory[] = Array.from({ length: count }, (_, i) => ({
    uri: `urn:e2e:layout:${tag}:${i}`,
    headline: i === 0 ? `${LONG} ${tag}` : `Layout story ${i} from the ${agency} wire, with a headline of ordinary length ${tag}`,
    urgency: i === 1 ? 1 : i === 2 ? 3 : 5,
    agency,
    slugline: `LAYOUT-${i}`,
    body: `<p>${"The wire copy goes on for a while. ".repeat(30)}</p>`,
  }));
  const ids = await ingestStories(request, baseURL, stories);
  return { ids, headlines: stories.map((s) => s.headline) };
}

const view = (agency: string) => `/?agency=${encodeURIComponent(agency)}&desk=all`;

test("the first screen: the server sends a signed-out browser to sign in, and a favicon is served", async ({ page, request }) => {
  const root = await request.get("/", { maxRedirects: 0 });
  expect([302, 303, 307, 308]).toContain(root.status());
  expect(new URL(root.headers().location ?? "", "http://x").pathname).toBe("/login");
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect((await icon.body()).length).toBeGreaterThan(100);

  // The browser lands on the form without a "Loading…" page on the way.
  const seen: string[] = [];
  page.on("framenavigated", (frame) => frame === page.mainFrame() && seen.push(new URL(frame.url()).pathname));
  await page.goto("/");
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(seen.length).toBeGreaterThan(0);
  expect(new Set(seen)).toEqual(new Set(["/login"])); // the desk page itself was never drawn
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
});

test("at 1,024 x 700 the story opens as an overlay over the queue, and the headline keeps its room", async ({ browser, request, baseURL }) => {
  const agency = `Overlay Wire ${Date.now()}`;
  const { headlines } = await seed(request, baseURL!, agency, 12);
  const page = await pageAt(browser, { width: 1024, height: 700 }, await ensureUser(request, baseURL!, "editor", "Olga Overlay"));
  await page.goto(view(agency));
  const first = line(page, headlines[0]!);
  await expect(first).toBeVisible();
  await expectNoSidewaysScroll(page, "queue at 1024");
  await expectHeaderAboveRows(page);
  await expectCountsWhole(page);

  // The queue has the whole width; no pane beside it until a story opens.
  const queueBox = (await queue(page).boundingBox())!;
  expect(queueBox.width).toBeGreaterThan(1000);
  await expect(page.getByRole("region", { name: "Reading pane" })).toBeHidden();
  expect(await headlineWidth(page, headlines[0]!)).toBeGreaterThan(300);

  await first.click();
  const article = page.getByRole("article", { name: "Story" });
  await expect(article).toBeVisible();
  const pane = (await page.getByRole("region", { name: "Reading pane" }).boundingBox())!;
  expect(pane.x).toBeGreaterThan(100); // over the queue's right part, its left part still in sight
  expect(pane.x + pane.width).toBeGreaterThan(1000);
  expect((await queue(page).boundingBox())!.width).toBeGreaterThan(1000); // the queue did not shrink: the pane lies over it
  // In the strip left in sight, each line still says which story it is: its headline starts well left of the pane.
  const headlineX = await line(page, headlines[1]!).evaluate((row) => [...row.querySelectorAll("span")].find((s) => s.className.includes("flex-1"))!.getBoundingClientRect().x);
  expect(pane.x - headlineX).toBeGreaterThan(150);
  // Out of sight but still in the line's accessible name (a screen reader hears the time and agency).
  const timeBox = (await line(page, headlines[1]!).locator(".queue-col-time").boundingBox())!;
  expect(timeBox.width).toBeLessThanOrEqual(1);
  await expect(line(page, headlines[1]!)).toHaveAccessibleName(new RegExp(agency));
  await expectNoSidewaysScroll(page, "story at 1024");

  await page.getByRole("button", { name: "Back to the queue" }).click();
  await expect(article).toBeHidden();
  await expect(first).toBeVisible();

  // The browser's back closes an open story too, and stays on the desk.
  await first.click();
  await expect(article).toBeVisible();
  await page.goBack();
  await expect(article).toBeHidden();
  expect(new URL(page.url()).searchParams.get("story")).toBeNull();
  expect(new URL(page.url()).searchParams.get("agency")).toBe(agency);
});

test("slug and words give way before the headline as the queue narrows", async ({ browser, request, baseURL }) => {
  const agency = `Narrow Wire ${Date.now()}`;
  const { headlines } = await seed(request, baseURL!, agency, 3);
  const email = await ensureUser(request, baseURL!, "editor", "Nina Narrow");
  const cells = async (page: Page) => {
    const row = line(page, headlines[0]!);
    await expect(row).toBeVisible();
    return row.evaluate((el) => {
      const shown = (selector: string) => [...el.querySelectorAll(selector)].some((c) => (c as HTMLElement).offsetWidth > 0);
      return { slug: shown(".queue-col-drop-1"), words: shown(".queue-col-drop-2") };
    });
  };
  const wide = await pageAt(browser, { width: 1440, height: 800 }, email);
  await wide.goto(view(agency));
  expect(await cells(wide)).toEqual({ slug: true, words: true });
  // The slug goes first, then the words; the headline keeps a readable width throughout.
  const narrower = await pageAt(browser, { width: 760, height: 700 }, email);
  await narrower.goto(view(agency));
  expect(await cells(narrower)).toEqual({ slug: false, words: true });
  expect(await headlineWidth(narrower, headlines[0]!)).toBeGreaterThan(250);
  await narrower.setViewportSize({ width: 680, height: 700 });
  await expect.poll(() => cells(narrower)).toEqual({ slug: false, words: false });
  expect(await headlineWidth(narrower, headlines[0]!)).toBeGreaterThan(250);
  await expectNoSidewaysScroll(narrower, "queue at 680");
});

test("on a phone (390 x 844) the queue is one column of readable lines and a story opens full screen", async ({ browser, request, baseURL }) => {
  const agency = `Phone Wire ${Date.now()}`;
  const { ids, headlines } = await seed(request, baseURL!, agency, 8);
  const page = await pageAt(browser, { width: 390, height: 844 }, await ensureUser(request, baseURL!, "editor", "Piet Phone"));
  // One story held (IN PROGRESS and the holder's initials): the widest first row a line can have.
  expect((await page.request.post(`/api/stories/${ids[2]}/actions/take`, { data: {}, headers: { origin: baseURL! } })).status()).toBe(200);
  // And one spiked: one more count in the header.
  expect((await page.request.post(`/api/stories/${ids[3]}/actions/spike`, { data: {}, headers: { origin: baseURL! } })).status()).toBe(200);
  await page.goto(view(agency));
  await expectCountsWhole(page);
  const first = line(page, headlines[0]!);
  await expect(first).toBeVisible();
  await expect(line(page, headlines[2]!)).toContainText("in progress");
  // Nothing of any line spills out of it onto the next (a third row would overlap it).
  const spills = await page.getByRole("option").evaluateAll((rows) =>
    rows.flatMap((row) => {
      const box = row.getBoundingClientRect();
      return [...row.children].filter((cell) => {
        const r = cell.getBoundingClientRect();
        return r.height > 0 && (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5);
      }).map((cell) => `${row.getAttribute("aria-posinset")}: ${cell.textContent?.slice(0, 30)}`);
    }),
  );
  expect(spills).toEqual([]);
  await expectNoSidewaysScroll(page, "queue at 390");
  await expectHeaderAboveRows(page);
  // Each line: its facts, then the headline across the screen.
  expect(await headlineWidth(page, headlines[0]!)).toBeGreaterThan(300);
  const rowBox = (await first.boundingBox())!;
  expect(rowBox.width).toBeGreaterThan(370);
  expect(rowBox.height).toBeGreaterThan(36);
  await expect(first).toHaveAttribute("aria-posinset", "8"); // the first sent is the oldest: the last of eight lines

  await first.click();
  const article = page.getByRole("article", { name: "Story" });
  await expect(article.getByRole("heading", { name: headlines[0]! })).toBeVisible();
  const pane = (await page.getByRole("region", { name: "Reading pane" }).boundingBox())!;
  expect(pane).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
  await expectNoSidewaysScroll(page, "story at 390");
  await page.getByRole("button", { name: "Back to the queue" }).click();
  await expect(article).toBeHidden();
  await expect(first).toBeVisible();

  await line(page, headlines[3]!).click();
  await expect(article).toBeVisible();
  await page.goBack();
  await expect(article).toBeHidden();
  await expect(line(page, headlines[3]!)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
});

test("no page scrolls sideways at 360 px: queue, story, admin and sign-in", async ({ browser, request, baseURL }) => {
  const agency = `Narrowest Wire ${Date.now()}`;
  const { headlines } = await seed(request, baseURL!, agency, 4);
  const anonymous = await pageAt(browser, { width: 360, height: 740 });
  await anonymous.goto("/login");
  await expect(anonymous.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoSidewaysScroll(anonymous, "sign-in at 360");

  const page = await pageAt(browser, { width: 360, height: 740 }, ADMIN.email, ADMIN.password);
  await page.goto(view(agency));
  await expect(line(page, headlines[0]!)).toBeVisible();
  await expectNoSidewaysScroll(page, "queue at 360");
  await expectHeaderAboveRows(page);
  await line(page, headlines[0]!).click();
  await expect(page.getByRole("article", { name: "Story" })).toBeVisible();
  await expectNoSidewaysScroll(page, "story at 360");
  for (const path of ["/admin/desks", "/admin/ingest-tokens", "/admin/audit", "/admin/users", "/admin/feeds", "/admin/webhooks", "/admin/ingest", "/account"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, `${path} at 360`);
  }
});

test("the header's counts agree with the lines they filter to, and follow changes", async ({ browser, request, baseURL }) => {
  const agency = `Count Wire ${Date.now()}`;
  const { ids } = await seed(request, baseURL!, agency, 7);
  const email = await ensureUser(request, baseURL!, "editor", "Carla Counts");
  const page = await pageAt(browser, { width: 1440, height: 900 }, email);
  await page.goto(view(agency));
  const counts = page.getByRole("list", { name: "Stories per state" });
  const status = page.getByRole("status", { name: "Queue status" });
  await expect(counts.getByRole("button", { name: "incoming: 7, show only these" })).toBeVisible();
  await expect(status).toHaveText("7 stories");

  await page.request.post(`/api/stories/${ids[2]}/actions/take`);
  await page.request.post(`/api/stories/${ids[4]}/actions/spike`);
  await expect(counts.getByRole("button", { name: "incoming: 5, show only these" })).toBeVisible();
  await expect(counts.getByRole("button", { name: "in progress: 1, show only these" })).toBeVisible();
  await counts.getByRole("button", { name: "spiked: 1, show only these" }).click();
  await expect(status).toHaveText("1 stories");
  await counts.getByRole("button", { name: /^incoming: 5/ }).click();
  await expect(status).toHaveText("5 stories");
  await expect(queue(page).getByRole("option")).toHaveCount(5);
});

/** Each of the header's counts shows whole, or not at all (never cut, never under the control beside it). */
async function expectCountsWhole(page: Page): Promise<void> {
  const counts = page.getByRole("list", { name: "Stories per state" });
  await expect(counts.getByRole("button").first()).toBeVisible();
  const cut = await counts.evaluate((list) => {
    const box = list.getBoundingClientRect();
    const next = document.querySelector("header button:not(ul *), header select")?.getBoundingClientRect();
    return [...list.querySelectorAll("button")].flatMap((button) => {
      const r = button.getBoundingClientRect();
      const shown = r.top < box.bottom && r.bottom > box.top && r.left < box.right;
      const covered = next !== undefined && r.left < next.right && r.right > next.left && r.top < next.bottom && r.bottom > next.top;
      const whole = r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5 && !covered;
      return shown && !whole ? [button.textContent ?? ""] : [];
    });
  });
  expect(cut, "counts cut off or covered").toEqual([]);
}

async function expectHeaderAboveRows(page: Page): Promise<void> {
  const header = (await page.getByRole("banner").first().boundingBox())!;
  const rows = (await queue(page).boundingBox())!;
  expect(header.y + header.height).toBeLessThanOrEqual(rows.y);
  const width = page.viewportSize()!.width;
  if (width >= 1024) expect(header.height, "the header is one line").toBeLessThan(40);
}

async function headlineWidth(page: Page, headline: string): Promise<number> {
  return line(page, headline).evaluate((row) => {
    const cells = [...row.querySelectorAll("span")].filter((s) => s.className.includes("flex-1"));
    return cells[0]?.getBoundingClientRect().width ?? 0;
  });
}

for (const theme of ["light", "dark"] as const) {
  test(`screenshots at 1,440, 1,024 and 390 px (${theme})`, { tag: "@screenshots" }, async ({ browser, request, baseURL }) => {
    const agency = `Shot Wire ${theme}`;
    const { headlines } = await seed(request, baseURL!, agency, 14);
    const email = await ensureUser(request, baseURL!, "admin", "Sam Shots");
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
      { width: 390, height: 844 },
    ]) {
      const page = await pageAt(browser, size, email, undefined, theme);
      await page.goto(view(agency));
      await expect(line(page, headlines[0]!)).toBeVisible();
      await saveShot(page, `desk-${size.width}-${theme}.png`);
      await line(page, headlines[0]!).click();
      await expect(page.getByRole("article", { name: "Story" })).toBeVisible();
      await saveShot(page, `desk-${size.width}-story-${theme}.png`);
      // The editing pane: taking the story opens it, with the counters and the toolbar.
      await page.getByRole("button", { name: /^Edit/ }).click();
      await expect(page.getByRole("textbox", { name: "Headline" })).toHaveValue(headlines[0]!, { timeout: 20_000 });
      await saveShot(page, `desk-${size.width}-editor-${theme}.png`);
      await page.context().close();
    }
  });
}
