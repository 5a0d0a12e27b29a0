import { findDeskId, type RoutingDesk } from "../../server/domain/desk-routing";
import { type Random, WeightedPicker } from "./random";
import { bodyParagraphs, byline, headline, slugline } from "./story-text";
import type { ZipfSampler } from "./vocabulary";

const AGENCIES = new WeightedPicker(
  [
    { name: "Reuters", languages: new WeightedPicker(["en", "de", "fr", "es"], [85, 5, 5, 5]) },
    { name: "AP", languages: new WeightedPicker(["en", "es"], [95, 5]) },
    { name: "AFP", languages: new WeightedPicker(["fr", "en", "es"], [50, 40, 10]) },
    { name: "dpa", languages: new WeightedPicker(["de", "en"], [85, 15]) },
    { name: "ANSA", languages: new WeightedPicker(["it", "en"], [90, 10]) },
    { name: "EFE", languages: new WeightedPicker(["es", "en"], [90, 10]) },
    { name: "PA", languages: new WeightedPicker(["en"], [1]) },
    { name: "Kyodo", languages: new WeightedPicker(["en", "ja"], [80, 20]) },
  ],
  [25, 25, 15, 12, 6, 6, 6, 5],
);
const URGENCY = new WeightedPicker([1, 2, 3, 4, 5, 6, 7, 8, 9], [0.2, 0.8, 4, 15, 55, 15, 6, 3, 1]);
const CATEGORIES = ["politics", "economy", "sport", "culture", "science", "health", "world", "technology", "environment", "crime"];
const CATEGORY_PICK = new WeightedPicker(CATEGORIES, [22, 18, 15, 7, 5, 6, 14, 6, 4, 3]);
const RECENT_STATE = new WeightedPicker(["incoming", "in_progress", "published", "spiked"], [85, 7, 4, 4]);
const OLD_STATE = new WeightedPicker(["spiked", "published", "corrected", "killed", "in_progress"], [80, 16, 1.5, 0.5, 2]);

/** Desks the generated database routes to (through the real routing rules). */
export const BENCH_DESKS: { id: string; name: string; rules: RoutingDesk["rules"] }[] = [
  { id: "desk-sport", name: "Sport", rules: [{ agency: null, category: "sport", keyword: null, urgencyMax: null }] },
  { id: "desk-politics", name: "Politics", rules: [{ agency: null, category: "politics", keyword: null, urgencyMax: null }] },
  {
    id: "desk-economy",
    name: "Economy",
    rules: [
      { agency: null, category: "economy", keyword: null, urgencyMax: null },
      { agency: null, category: null, keyword: "market", urgencyMax: 4 },
    ],
  },
  { id: "desk-world", name: "World", rules: [{ agency: null, category: "world", keyword: null, urgencyMax: null }] },
];

/** One generated story as the insert statement binds it. */
export interface StoryRow {
  rowid: number;
  id: string;
  guid: string;
  seq: number;
  state: string;
  rev: number;
  pubStatus: string;
  agency: string;
  urgency: number;
  headline: string;
  slugline: string;
  byline: string | null;
  language: string;
  bodyHtml: string;
  bodyText: string;
  wordCount: number;
  categories: string;
  keywords: string;
  deskId: string | null;
  receivedAt: string;
  updatedAt: string;
}

function hexId(random: Random): string {
  let id = "";
  for (let i = 0; i < 3; i++) id += Math.floor(random.next() * 0x100000000).toString(16).padStart(8, "0");
  return id;
}

/** Builds story number `index` (1-based), received at `receivedMs`; copy under 24 hours old at `nowMs` is mostly still incoming. */
export function buildStoryRow(index: number, receivedMs: number, nowMs: number, random: Random, words: ZipfSampler, headlineWords: ZipfSampler): StoryRow {
  const agency = AGENCIES.pick(random);
  const categories = [...new Set([CATEGORY_PICK.pick(random), ...(random.chance(0.3) ? [CATEGORY_PICK.pick(random)] : [])])];
  const keywords = random.chance(0.5) ? [headlineWords.word(random), headlineWords.word(random)] : [];
  const title = headline(random, headlineWords);
  const slug = slugline(random, headlineWords);
  const urgency = URGENCY.pick(random);
  const isRecent = nowMs - receivedMs < 24 * 3_600_000;
  const state = (isRecent ? RECENT_STATE : OLD_STATE).pick(random);
  const { paragraphs, wordCount } = bodyParagraphs(random, words);
  const receivedAt = new Date(receivedMs).toISOString();
  // Drawn for every story, so the same seed gives the same text whatever the states come out as.
  const handledAfterMs = random.int(1, 240) * 60_000;
  const changedMs = state === "incoming" ? receivedMs : Math.min(nowMs, receivedMs + handledAfterMs);
  return {
    rowid: index,
    id: hexId(random),
    guid: `urn:bench:${agency.name.toLowerCase()}:${index}`,
    seq: index,
    state,
    rev: state === "incoming" ? 1 : 2,
    pubStatus: state === "killed" ? "canceled" : "usable",
    agency: agency.name,
    urgency,
    headline: title,
    slugline: slug,
    byline: byline(random),
    language: agency.languages.pick(random),
    bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join(""),
    bodyText: paragraphs.join("\n\n"),
    wordCount,
    categories: JSON.stringify(categories),
    keywords: JSON.stringify(keywords),
    deskId: findDeskId(BENCH_DESKS, { agency: agency.name, categories, keywords, headline: title, slugline: slug, urgency }),
    receivedAt,
    updatedAt: new Date(changedMs).toISOString(),
  };
}
