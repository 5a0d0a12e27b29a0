import { expect, test } from "./desk-test";
import { buildXssDeliveries } from "./fixtures/xss-documents";
import { XSS_VECTORS } from "./fixtures/xss-vectors";
import { ensureUser, INGEST_TOKEN, ingestNinjs, signIn, USER_PASSWORD } from "./helpers";
import { expectNoXssOn, type XssSurface } from "./xss-surfaces";

test("hostile wire copy in NITF, ninjs and plain text never runs on the queue, in the story view, the editor or its history", async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const runId = Date.now().toString(36);
  const deliveries = buildXssDeliveries(XSS_VECTORS, runId);
  const stories: { label: string; id: string }[] = [];
  for (const delivery of deliveries) {
    const response = await request.post(`${baseURL}/api/ingest?format=${delivery.format}`, {
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, "content-type": delivery.contentType },
      data: delivery.body,
    });
    expect(response.status(), `${delivery.label}: ${await response.text()}`).toBe(201);
    const body = (await response.json()) as { stories: { id: string }[] };
    expect(body.stories).toHaveLength(1);
    stories.push({ label: delivery.label, id: body.stories[0]!.id });
  }
  expect(stories.length).toBeGreaterThanOrEqual(15);

  const email = await ensureUser(request, baseURL!, "editor", "Xavier Hostile");
  // No CSP in this context: the sanitizers alone must keep the copy harmless.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, email);

  const queue: XssSurface = {
    name: "queue",
    url: "/",
    ready: (p) => p.getByRole("listbox", { name: "Wire queue" }).getByRole("option", { name: new RegExp(`XSS-${runId}-`) }).first(),
  };
  // Each story's view, then its editing pane: the desk copy made from the same hostile copy, with
  // headline, fields and the Tiptap body. One page load for all of them: a story is selected the way
  // the desk selects one (the URL's ?story= through the history API; the desk page renders in the
  // browser either way), so what one story left behind is still checked with the next.
  const storyViewsAndEditors: XssSurface[] = stories.flatMap(({ label, id }) => [
    {
      name: `story view ${label}`,
      open: (p) => p.evaluate((storyId) => window.history.pushState(null, "", `/?story=${storyId}`), id),
      ready: (p) => p.getByRole("article", { name: "Story" }).getByRole("heading", { name: new RegExp(label) }),
    },
    {
      name: `editor ${label}`,
      open: async (p) => p.getByRole("button", { name: /^Edit/ }).click(),
      ready: (p) => p.getByRole("textbox", { name: "Body", exact: true }),
    },
  ]);
  // The desk first (opening the editor takes each story), then publishing the same stories.
  await expectNoXssOn(page, [queue, ...storyViewsAndEditors]);

  // One desk story from every hostile take: its body brings in their copy, its sources line their headlines.
  const created = await page.request.post(`${baseURL}/api/stories`, { headers: { origin: baseURL! }, data: { fromStoryIds: stories.map((s) => s.id).slice(0, 20) } });
  expect(created.status(), await created.text()).toBe(201);
  const deskStory = ((await created.json()) as { id: string }).id;
  await expectNoXssOn(page, [
    { name: "desk story from hostile takes", url: `/?story=${deskStory}`, ready: (p) => p.getByRole("article", { name: "Story" }).getByLabel("Sources") },
    { name: "desk story from hostile takes, editing", open: async (p) => p.getByRole("button", { name: /^Edit/ }).click(), ready: (p) => p.getByRole("textbox", { name: "Body", exact: true }) },
  ]);

  // The public site: every hostile story that passes publish validation goes out, and its page and
  // the front page must stay as harmless as the desk (feeds carry the same sanitized body, escaped as XML).
  const chief = await ensureUser(request, baseURL!, "chief", "Xena Publisher");
  const chiefLogin = await request.post(`${baseURL}/api/auth/login`, { data: { email: chief, password: USER_PASSWORD } });
  expect(chiefLogin.status()).toBe(200);
  const published: { label: string; id: string }[] = [];
  for (const { label, id } of stories) {
    let ok = true;
    for (const action of ["take", "submit", "approve", "publish"]) {
      const answer = await request.post(`${baseURL}/api/stories/${id}/actions/${action}`, { headers: { origin: baseURL! }, data: {} });
      if (answer.status() === 409 && action === "take") continue; // taken by opening the editor above
      if (answer.status() !== 200) {
        expect([409, 422], `${label} ${action}: ${await answer.text()}`).toContain(answer.status());
        ok = false;
        break;
      }
    }
    if (ok) published.push({ label, id });
  }
  expect(published.length, "hostile stories that passed publish validation").toBeGreaterThanOrEqual(5);
  const front: XssSurface = { name: "public front page", url: "/news", ready: (p) => p.getByRole("list", { name: "Published stories" }).getByRole("link", { name: new RegExp(`XSS-${runId}-`) }).first() };
  const publicPages: XssSurface[] = published.map(({ label, id }) => ({
    name: `public story page ${label}`,
    url: `/news/story-${id}`,
    ready: (p) => p.getByRole("heading", { level: 1, name: new RegExp(label) }),
  }));

  // The editor's history: hostile copy as the agency's first version, taken, then a calm second version
  // brought in over it. The take's version and the agency's original, each against the current (calm)
  // copy, show the hostile text in their word diffs.
  const uri = `urn:e2e:xss-history:${runId}`;
  const hostile = XSS_VECTORS.map((v) => v.html);
  const historyId = await ingestNinjs(request, baseURL!, { uri, headline: `XSS-${runId}-history ${hostile.slice(0, 8).join(" ")}`, body: hostile.map((html) => `<p>${html}</p>\n${html}`).join("\n") });
  expect((await request.post(`${baseURL}/api/stories/${historyId}/actions/take`, { headers: { origin: baseURL! }, data: {} })).status()).toBe(200);
  await ingestNinjs(request, baseURL!, { uri, version: 2, headline: `XSS-${runId}-history calm`, body: "<p>Calm.</p>" });
  expect((await request.post(`${baseURL}/api/stories/${historyId}/agency-update/bring-in`, { headers: { origin: baseURL! }, data: {} })).status()).toBe(200);
  const versionButton = (p: typeof page, name: RegExp) => p.getByRole("list", { name: "Versions" }).getByRole("button", { name });
  const bodyChanges = (p: typeof page) => p.getByRole("region", { name: "History" }).getByRole("group", { name: "Body changes" });
  const history: XssSurface[] = [
    {
      name: "history panel",
      url: `/?story=${historyId}`,
      open: async (p) => {
        await p.getByRole("button", { name: /^Edit/ }).click();
        await p.getByRole("button", { name: "History", exact: true }).click();
      },
      ready: (p) => versionButton(p, /^Agency update brought in/),
    },
    { name: "history diff of the taken version", open: (p) => versionButton(p, /^Taken by/).click(), ready: (p) => bodyChanges(p).locator("del").first() },
    { name: "history diff of the agency's original", open: (p) => versionButton(p, /^Agency's original/).click(), ready: (p) => bodyChanges(p).locator("del").first() },
    {
      // Two versions side by side with the hostile one on the right: its text arrives as insertions.
      name: "history side by side with the taken version on the right",
      open: async (p) => {
        await versionButton(p, /^Agency update brought in/).click();
        const compareWith = p.getByRole("region", { name: "History" }).getByRole("combobox", { name: "Compare with" });
        const taken = await compareWith.locator("option", { hasText: /^Taken by/ }).getAttribute("value");
        expect(taken).toMatch(/^\d+$/);
        await compareWith.selectOption(taken ?? "");
      },
      ready: (p) => bodyChanges(p).getByRole("group", { name: /^Body: Taken by/ }).locator("ins").first(),
    },
  ];

  await expectNoXssOn(page, [...history, front, ...publicPages]);

  // The hostile headlines are on the queue as text, not dropped: every story is listed.
  await page.goto("/");
  const listbox = page.getByRole("listbox", { name: "Wire queue" });
  for (const { label } of stories.slice(0, 6)) await expect(listbox.getByRole("option", { name: new RegExp(label) })).toHaveCount(1);
  // And the story view shows vectors as readable text where the copy had them as text.
  await page.goto(`/?story=${stories[0]!.id}`);
  await expect(page.getByRole("article", { name: "Story" })).toContainText("<script>window.__xss=1</script>");
  await context.close();
});
