import type { StorySummary } from "@/server/contract/story";

let counter = 0;

/** A queue story for unit tests; `receivedAt` defaults to one second apart per call. */
export function buildSummary(overrides: Partial<StorySummary> = {}): StorySummary {
  counter++;
  const id = overrides.id ?? `s${counter}`;
  return {
    id,
    guid: `urn:test:${id}`,
    agencyVersion: 1,
    rev: 1,
    seq: counter,
    state: "incoming",
    format: "ninjs",
    pubStatus: "usable",
    agency: "dpa",
    urgency: 5,
    headline: `Headline ${id}`,
    subheadline: null,
    slugline: null,
    byline: null,
    dateline: { text: null, place: null, date: null, source: null },
    language: "en",
    abstract: null,
    wordCount: 100,
    signals: [],
    categories: [],
    keywords: [],
    supersedes: [],
    versionCount: 1,
    agencyUpdateVersion: null,
    takenBy: null,
    takenAt: null,
    takenByName: null,
    deskId: null,
    embargoUntil: null,
    versionCreated: null,
    firstCreated: null,
    receivedAt: new Date(Date.UTC(2026, 0, 1) + counter * 1000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1) + counter * 1000).toISOString(),
    ...overrides,
  };
}
