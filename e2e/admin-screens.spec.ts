import { expect, test, type Page } from "./desk-test";
import { ADMIN, ensureUser, ingestNinjs } from "./helpers";
import { expectNoSidewaysScroll, pageAt, saveShot } from "./layout-helpers";

// Several browser contexts per test, each signing in: give a loaded machine time.
test.describe.configure({ timeout: 150_000 });

const ADMIN_SCREENS = ["Users", "Desks", "Feeds", "Ingest tokens", "Ingest errors", "Webhooks", "Audit log"];

test("the admin's desk header fits on one line at 1,440 px and leads to every admin screen", async ({ browser, request, baseURL }) => {
  const page = await pageAt(browser, { width: 1440, height: 900 }, ADMIN.email, ADMIN.password);
  // Stories in most states, so the header has most of its counts to show.
  const steps = [["take"], ["take", "submit"], ["take", "submit", "approve"], ["take", "submit", "approve", "publish"], ["take", "submit", "approve", "publish", "kill"], ["spike"]];
  for (const [i, actions] of steps.entries()) {
    const id = await ingestNinjs(request, baseURL!, { uri: `urn:e2e:header-states:${Date.now()}:${i}`, headline: `Header state story ${i}`, body: "<p>Body.</p>" });
    for (const action of actions) {
      const data = action === "kill" ? { reason: "Legal advice." } : {};
      expect((await page.request.post(`/api/stories/${id}/actions/${action}`, { data, headers: { origin: baseURL! } })).status(), action).toBe(200);
    }
  }
  await page.reload();
  const header = page.getByRole("banner");
  expect((await header.boundingBox())!.height).toBeLessThan(40);
  await expectNoSidewaysScroll(page, "admin desk at 1440");
  // Every state count is whole: none is cut off where the controls on the right begin.
  const counts = header.getByRole("list", { name: "Stories per state" });
  await expect(counts).toBeVisible();
  const clipped = await counts.evaluate((list) => {
    const room = list.parentElement!.getBoundingClientRect();
    return [...list.children].filter((item) => item.getBoundingClientRect().right > room.right + 0.5).map((item) => item.textContent);
  });
  expect(clipped).toEqual([]);
  await page.getByRole("button", { name: "Admin" }).click();
  const menu = page.getByRole("navigation", { name: "Admin screens" });
  for (const name of ADMIN_SCREENS) await expect(menu.getByRole("link", { name, exact: true })).toBeVisible();
  await menu.getByRole("link", { name: "Desks", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Desks", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Desks", exact: true })).toHaveAttribute("aria-current", "page");
});

test("desks and their routing rules: list, create, edit, delete after a confirmation", async ({ browser, request, baseURL }) => {
  const page = await pageAt(browser, { width: 1440, height: 900 }, ADMIN.email, ADMIN.password);
  const name = `Harbour desk ${Date.now()}`;
  // Two desks first, so the new one has desks to move past.
  for (const other of ["Night backup", "Weekend backup"]) {
    const made = await request.post(`${baseURL}/api/desks`, { headers: { cookie: await cookieOf(page), origin: baseURL! }, data: { name: `${other} ${Date.now()}`, rules: [] } });
    expect(made.status()).toBe(201);
  }
  await page.goto("/admin/desks");
  const add = page.getByRole("form", { name: "Add a desk" });
  await add.getByLabel("Desk name").fill(name);
  await add.getByRole("button", { name: "Add a rule" }).click();
  await add.getByRole("group", { name: "Rule 1" }).getByLabel("Agency").fill("Harbour Wire");
  await add.getByRole("group", { name: "Rule 1" }).getByLabel("Urgency up to").selectOption("3");
  await add.getByRole("button", { name: "Add desk" }).click();
  await expect(page.getByRole("status")).toHaveText(`Added the desk ${name}.`);
  const desk = page.getByRole("listitem", { name });
  await expect(desk.getByRole("list", { name: `Rules of ${name}` })).toHaveText("agency Harbour Wire · urgency 1–3");
  // The API routes by the rule the screen made.
  const listed = ((await (await request.get(`${baseURL}/api/desks`, { headers: { cookie: await cookieOf(page) } })).json()) as { desks: { name: string; rules: unknown[] }[] }).desks;
  expect(listed.find((d) => d.name === name)?.rules).toEqual([{ agency: "Harbour Wire", category: null, keyword: null, urgencyMax: 3 }]);

  await desk.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Desk name").fill(`${name} (nights)`);
  await edit.getByRole("group", { name: "Rule 1" }).getByLabel("Keyword").fill("ferry");
  await edit.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByRole("listitem", { name: `${name} (nights)` });
  await expect(renamed.getByRole("list")).toHaveText("agency Harbour Wire · keyword ferry · urgency 1–3");

  // Routing order: a new desk comes last; moving it up, from the keyboard, gives its rules priority.
  const cookie = await cookieOf(page);
  const order = async () => ((await (await request.get(`${baseURL}/api/desks`, { headers: { cookie } })).json()) as { desks: { name: string }[] }).desks.map((d) => d.name);
  const before = await order();
  expect(before.at(-1)).toBe(`${name} (nights)`);
  await expect(renamed.getByRole("button", { name: `Move ${name} (nights) down` })).toBeDisabled();
  const up = renamed.getByRole("button", { name: `Move ${name} (nights) up` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(`Moved ${name} (nights) up: it is now desk ${before.length - 1} of ${before.length} in routing order.`);
  await expect(up).toBeFocused();
  expect(await order()).toEqual([...before.slice(0, -2), `${name} (nights)`, before.at(-2)]);
  const down = renamed.getByRole("button", { name: `Move ${name} (nights) down` });
  await down.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(`Moved ${name} (nights) down`);
  // Last again: its down button is disabled, so the focus goes to the list rather than the page.
  await expect(down).toBeDisabled();
  await expect(page.getByRole("list", { name: "Desks" })).toBeFocused();
  expect(await order()).toEqual(before);

  await renamed.getByRole("button", { name: `Delete ${name} (nights)` }).click();
  await page.getByRole("group", { name: `Delete ${name} (nights)?` }).getByRole("button", { name: "Keep it" }).click();
  await expect(renamed).toBeVisible();
  await renamed.getByRole("button", { name: `Delete ${name} (nights)` }).click();
  await page.getByRole("group", { name: `Delete ${name} (nights)?` }).getByRole("button", { name: "Yes, delete" }).click();
  await expect(renamed).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("Deleted the desk");
});

test("ingest tokens: the secret is shown once and works, and a revoked token is refused", async ({ browser, request, baseURL }) => {
  const page = await pageAt(browser, { width: 1440, height: 900 }, ADMIN.email, ADMIN.password);
  await page.goto("/admin/ingest-tokens");
  const name = `Gateway ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByRole("status", { name: "New token" }).getByLabel("Token secret").textContent())!.trim();
  expect(secret.length).toBeGreaterThan(20);
  let sent = 0;
  const send = () =>
    request.post(`${baseURL}/api/ingest?format=ninjs`, {
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      data: JSON.stringify({ uri: `urn:e2e:token:${name}:${++sent}`, version: "1", type: "text", headlines: [{ role: "main", value: `Token test ${name}` }], bodies: [{ role: "main", contenttype: "text/plain", value: "A line of copy." }] }),
    });
  expect((await send()).status()).toBe(201);

  const row = page.getByRole("table", { name: "Ingest tokens" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("active");
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0); // never shown again
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("group", { name: `Revoke ${name}?` }).getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await send()).status()).toBe(401);
});

test("the audit log filters by person and action and pages back", async ({ browser, request, baseURL }) => {
  const email = await ensureUser(request, baseURL!, "editor", "Aude Audited");
  const editor = await pageAt(browser, { width: 1440, height: 900 }, email);
  await editor.context().close();
  // More token changes than one page holds.
  const admin = await pageAt(browser, { width: 1440, height: 900 }, ADMIN.email, ADMIN.password);
  for (let i = 0; i < 52; i++) expect((await admin.request.post("/api/ingest-tokens", { data: { name: `Paging ${i}` } })).status()).toBe(201);

  await admin.goto("/admin/audit");
  const table = admin.getByRole("table", { name: "Audit log" });
  const status = admin.getByRole("status", { name: "Audit log status" });
  await admin.getByLabel("Action").selectOption("ingest_token_created");
  await expect(status).toContainText("50 entries shown, older ones below");
  await expect(table.getByRole("row").nth(1)).toContainText("ingest token created");
  await admin.getByRole("button", { name: "Show older entries" }).click();
  await expect(status).not.toContainText("50 entries shown");

  await admin.getByLabel("Action").selectOption("");
  await admin.getByLabel("Person").selectOption({ label: `Aude Audited (${email})` });
  await expect(table.getByRole("row").nth(1)).toContainText("Aude Audited");
  await expect(table.getByRole("row").nth(1)).toContainText("login");
  const people = await table.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(new Set(people)).toEqual(new Set(["Aude Audited"]));
  await admin.getByLabel("Action").selectOption("logout");
  await expect(admin.getByText("Nothing recorded for this choice.")).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`screenshots of the admin screens (${theme})`, { tag: "@screenshots" }, async ({ browser }) => {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await pageAt(browser, size, ADMIN.email, ADMIN.password, theme);
      for (const [path, name] of [
        ["/admin/desks", "desks"],
        ["/admin/ingest-tokens", "ingest-tokens"],
        ["/admin/audit", "audit"],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.getByText("Loading…")).toHaveCount(0);
        await saveShot(page, `admin-${name}-${size.width}-${theme}.png`);
      }
      await page.context().close();
    }
  });
}

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}
