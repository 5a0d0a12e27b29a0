import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { INGEST_TOKEN } from "./helpers";

/** One wire story for the ingest API (ninjs 2.x). */
export interface WireStory {
  uri: string;
  headline: string;
  urgency?: number;
  version?: number;
  agency?: string;
  language?: string;
  slugline?: string;
  categories?: string[];
  signals?: string[];
  pubstatus?: "usable" | "canceled";
  body?: string;
}

function ninjs(story: WireStory): Record<string, unknown> {
  return {
    uri: story.uri,
    version: String(story.version ?? 1),
    type: "text",
    pubstatus: story.pubstatus ?? "usable",
    urgency: story.urgency ?? 5,
    language: story.language ?? "en",
    slugline: story.slugline,
    headlines: [{ role: "main", value: story.headline }],
    bodies: [{ role: "main", contenttype: "text/html", value: story.body ?? `<p>${story.headline}. Body of the story.</p>` }],
    subjects: (story.categories ?? []).map((name) => ({ name })),
    signals: story.signals,
    copyrightholder: story.agency ?? "E2E Wire",
  };
}

/** Delivers stories to the ingest API in one ninjs delivery (up to 1,000) and returns their ids in order. */
export async function ingestStories(request: APIRequestContext, baseURL: string, stories: WireStory[]): Promise<string[]> {
  const response = await request.post(`${baseURL}/api/ingest?format=ninjs`, {
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, "content-type": "application/json" },
    data: JSON.stringify(stories.length === 1 ? ninjs(stories[0]!) : stories.map(ninjs)),
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { stories: { id: string }[] };
  return body.stories.map((s) => s.id);
}

/** The queue listbox. */
export function queue(page: Page): Locator {
  return page.getByRole("listbox", { name: "Wire queue" });
}

/** The queue line whose name contains `headline`. */
export function line(page: Page, headline: string): Locator {
  return queue(page).getByRole("option", { name: new RegExp(headline.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
}

/**
 * Every line of the (virtualized) queue, by walking it from top to bottom: position → headline text.
 * A story listed twice shows up at two positions, so duplicates cannot hide.
 */
export async function readWholeQueue(page: Page): Promise<Map<number, string>> {
  const list = queue(page);
  const lines = new Map<number, string>();
  await list.evaluate((el) => (el.scrollTop = 0));
  for (;;) {
    const seen = await list.evaluate((el) =>
      [...el.querySelectorAll('[role="option"]')].map((o) => [Number(o.getAttribute("aria-posinset")), o.textContent ?? ""] as const),
    );
    for (const [position, text] of seen) lines.set(position, text);
    const isAtEnd = await list.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight - 22;
      return el.scrollTop === before;
    });
    if (isAtEnd) break;
    await page.waitForTimeout(50);
  }
  return lines;
}

/** How many stories the queue holds now (its loaded count, held arrivals included). */
export async function loadedCount(page: Page): Promise<number> {
  return Number(await queue(page).getAttribute("data-loaded-count"));
}
