import { expect, type APIRequestContext, type Locator, type Page } from "./desk-test";
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
 * A story listed twice shows up at two positions, so duplicates cannot hide. Each step waits until the
 * lines drawn continue the ones read so far (a slow machine draws late; older pages load on the way),
 * and the walk ends only at the last line of a fully loaded queue.
 */
export async function readWholeQueue(page: Page): Promise<Map<number, string>> {
  const list = queue(page);
  const lines = new Map<number, string>();
  let target = 0;
  let read = 0;
  for (;;) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = await list.evaluate((el, top) => {
        el.scrollTop = top;
        const options = [...el.querySelectorAll('[role="option"]')];
        return {
          top: el.scrollTop,
          step: Math.max(22, el.clientHeight - 22),
          setSize: Number(options[0]?.getAttribute("aria-setsize") ?? 0),
          options: options.map((o) => [Number(o.getAttribute("aria-posinset")), o.textContent ?? ""] as const),
        };
      }, target);
      for (const [position, text] of state.options) lines.set(position, text);
      let last = 0;
      for (const position of lines.keys()) last = Math.max(last, position);
      const isContiguous = lines.size === last;
      if (isContiguous && state.setSize !== -1 && last === state.setSize) return lines;
      if (isContiguous && last > read) {
        read = last;
        target = state.top + state.step;
        break;
      }
      if (Date.now() > deadline) throw new Error(`Reading the queue stalled after line ${last} (${lines.size} read, set size ${state.setSize}).`);
      await page.waitForTimeout(50);
    }
  }
}

/** How many stories the queue holds now (its loaded count, held arrivals included). */
export async function loadedCount(page: Page): Promise<number> {
  return Number(await queue(page).getAttribute("data-loaded-count"));
}
