import { createServer, type Server } from "node:http";
import { expect, test, type Page, type Response } from "./desk-test";
import { ensureUser, ingestNinjs, signIn } from "./helpers";

/** Pages of an attacker's site, on another port: they try to act on the desk with the editor's cookie. */
function attackerPages(desk: string, storyId: string): Record<string, string> {
  const take = `${desk}/api/stories/${storyId}/actions/take`;
  const logout = `${desk}/api/auth/logout`;
  // An empty form sends an empty body, which the take action accepts: only the origin check stops it.
  const autoSubmit = (action: string) => `<!doctype html><body>
<form id="f" method="POST" action="${action}" enctype="text/plain"></form>
<script>document.getElementById("f").submit();</script></body>`;
  return {
    "/fetch": `<!doctype html><body><script>
(async () => {
  // A read the attacker cannot see, but the desk answers: it shows the cookie travels with cross-origin requests.
  await fetch(${JSON.stringify(`${desk}/api/auth/me`)}, { credentials: "include", mode: "no-cors" });
  const attempts = [
    fetch(${JSON.stringify(take)}, { method: "POST", credentials: "include", mode: "no-cors", headers: { "content-type": "text/plain" }, body: "{}" }),
    fetch(${JSON.stringify(logout)}, { method: "POST", credentials: "include", mode: "no-cors" }),
    fetch(${JSON.stringify(take)}, { method: "POST", credentials: "include", headers: { "content-type": "application/json" }, body: "{}" }),
  ];
  await Promise.allSettled(attempts);
  document.title = "done";
})();
</script></body>`,
    "/form-take": autoSubmit(take),
    "/form-logout": autoSubmit(logout),
  };
}

let attacker: Server;
let attackerOrigin: string;
const pages: Record<string, string> = {};

test.beforeAll(async () => {
  attacker = createServer((req, res) => {
    const html = pages[new URL(req.url ?? "/", "http://x").pathname];
    res.writeHead(html ? 200 : 404, { "content-type": "text/html" }).end(html ?? "");
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const address = attacker.address();
  // localhost on another port: cross-origin but same-site, so SameSite=Lax still sends the cookie
  // and the Origin check alone must refuse.
  attackerOrigin = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

/** Every answer the desk gave to the attacker's page: method, path, status and error code. */
function recordDeskAnswers(page: Page, desk: string): { method: string; path: string; status: number; code?: string }[] {
  const seen: { method: string; path: string; status: number; code?: string }[] = [];
  page.on("response", (response: Response) => {
    const request = response.request();
    if (!request.url().startsWith(desk)) return;
    void response
      .json()
      .catch(() => null)
      .then((body: { error?: { code?: string } } | null) => {
        seen.push({ method: request.method(), path: new URL(request.url()).pathname, status: response.status(), code: body?.error?.code });
      });
  });
  return seen;
}

test("a page on another origin cannot log an editor out or take a story, by fetch or by form", async ({ browser, request, baseURL }) => {
  const desk = baseURL!;
  const email = await ensureUser(request, desk, "editor", "Cora Csrf");
  const storyId = await ingestNinjs(request, desk, { uri: `urn:e2e:csrf:${Date.now()}`, headline: `CSRF target ${Date.now()}` });
  Object.assign(pages, attackerPages(desk, storyId));

  const context = await browser.newContext();
  const deskPage = await context.newPage();
  await signIn(deskPage, email);

  const evil = await context.newPage();
  const answers = recordDeskAnswers(evil, desk);
  await evil.goto(`${attackerOrigin}/fetch`);
  await expect(evil).toHaveTitle("done");
  for (const path of ["/form-take", "/form-logout"]) {
    const answered = evil.waitForResponse((r) => r.url().startsWith(desk) && r.request().method() === "POST");
    await evil.goto(`${attackerOrigin}${path}`);
    await answered;
  }
  // 2 fetches and 2 forms reach the desk; the JSON fetch is stopped at its CORS preflight (OPTIONS: 405).
  await expect.poll(() => answers.filter((a) => a.method === "POST").length).toBe(4);
  // The session cookie went along (same site, another port), so SameSite alone would not have helped...
  expect(answers.find((a) => a.path === "/api/auth/me")).toMatchObject({ method: "GET", status: 200 });
  // ...and the desk refused every write by its origin (the page cannot read a no-cors answer; the forms' it can).
  const posts = answers.filter((a) => a.method === "POST");
  for (const post of posts) expect(post.status, JSON.stringify(post)).toBe(403);
  expect(posts.filter((a) => a.code === "cross_origin").length).toBeGreaterThanOrEqual(2);
  // Nothing happened: the editor is still signed in and the story is untouched.
  expect((await deskPage.request.get("/api/auth/me")).status()).toBe(200);
  const story = (await (await deskPage.request.get(`/api/stories/${storyId}`)).json()) as { state: string; takenBy: string | null };
  expect(story).toMatchObject({ state: "incoming", takenBy: null });
  await deskPage.reload();
  await expect(deskPage.getByRole("listbox", { name: "Wire queue" })).toBeVisible();
  await context.close();
});
