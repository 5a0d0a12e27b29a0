import { expect, test } from "@playwright/test";
import { buildXssDeliveries } from "./fixtures/xss-documents";
import { XSS_VECTORS } from "./fixtures/xss-vectors";
import { ensureUser, INGEST_TOKEN, signIn } from "./helpers";
import { expectNoXssOn, type XssSurface } from "./xss-surfaces";

test("hostile wire copy in NITF, ninjs and plain text never runs on the queue or in the story view", async ({ browser, request, baseURL }) => {
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
  const storyViews: XssSurface[] = stories.map(({ label, id }) => ({
    name: `story view ${label}`,
    url: `/?story=${id}`,
    ready: (p) => p.getByRole("article", { name: "Story" }).getByRole("heading", { name: new RegExp(label) }),
  }));
  await expectNoXssOn(page, [queue, ...storyViews]);

  // The hostile headlines are on the queue as text, not dropped: every story is listed.
  await page.goto("/");
  const listbox = page.getByRole("listbox", { name: "Wire queue" });
  for (const { label } of stories.slice(0, 6)) await expect(listbox.getByRole("option", { name: new RegExp(label) })).toHaveCount(1);
  // And the story view shows vectors as readable text where the copy had them as text.
  await page.goto(`/?story=${stories[0]!.id}`);
  await expect(page.getByRole("article", { name: "Story" })).toContainText("<script>window.__xss=1</script>");
  await context.close();
});
