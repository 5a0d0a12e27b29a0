/** The wire side of bench/queue-browser.ts: stories for the ingest API, seeding, counting. */
import type { Page } from "@playwright/test";

/** Where and with what token to ingest. */
export interface IngestTarget {
  baseUrl: string;
  ingestToken: string;
}

/** The most ninjs items one delivery may hold. */
export const PAGE_BATCH = 1000;
/** The stream sends a delivery this often (100 stories/s: 5 per delivery). */
export const STREAM_TICK_MS = 50;

/** One generated ninjs story, numbered within a run. */
export function wireItem(n: number, run: string): Record<string, unknown> {
  const agencies = ["dpa", "AFP", "Reuters", "AP", "ANSA", "EFE"];
  return {
    uri: `urn:bench:queue:${run}:${n}`,
    version: "1",
    type: "text",
    pubstatus: "usable",
    urgency: [5, 5, 4, 5, 3, 6, 5, 2, 5, 8][n % 10],
    language: "en",
    slugline: `BENCH-${n % 97}`,
    headlines: [{ role: "main", value: `Bench story ${n} of run ${run}: officials say talks continue` }],
    bodies: [{ role: "main", contenttype: "text/html", value: `<p>Story ${n}. ${"Words of the story. ".repeat(12)}</p>` }],
    copyrightholder: agencies[n % agencies.length],
  };
}

/** Posts one ninjs delivery (up to 1,000 items). */
export async function ingest(options: IngestTarget, items: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${options.baseUrl}/api/ingest?format=ninjs`, {
    method: "POST",
    headers: { authorization: `Bearer ${options.ingestToken}`, "content-type": "application/json" },
    body: JSON.stringify(items),
  });
  if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
}

/** Stories in the database, from GET /api/stats. */
export async function countStories(page: Page): Promise<number> {
  const response = await page.request.get("/api/stats");
  if (!response.ok()) throw new Error(`GET /api/stats answered ${response.status()}`);
  const stats = (await response.json()) as { states: Record<string, number> };
  return Object.values(stats.states).reduce((a, b) => a + b, 0);
}

/** Ingests `missing` stories in deliveries of 1,000. */
export async function seed(options: IngestTarget, missing: number, log: (line: string) => void): Promise<void> {
  const run = `seed${Date.now()}`;
  for (let done = 0; done < missing; done += PAGE_BATCH) {
    const size = Math.min(PAGE_BATCH, missing - done);
    await ingest(options, Array.from({ length: size }, (_, i) => wireItem(done + i, run)));
    if ((done / PAGE_BATCH) % 10 === 9) log(`seeded ${done + size} of ${missing}`);
  }
}
