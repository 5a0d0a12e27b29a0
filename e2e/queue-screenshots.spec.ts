import { expect, test, type Page } from "./desk-test";
import { ensureUser, signedInPage } from "./helpers";
import { saveShot } from "./layout-helpers";
import { ingestStories, line, queue, type WireStory } from "./queue-helpers";

const AGENCIES = ["dpa", "AFP", "Reuters", "AP", "ANSA", "EFE"];
const TOPICS = [
  ["UKRAINE-DIPLOMACY", "Ministers meet in Geneva as ceasefire talks enter a third day"],
  ["EU-BUDGET", "European Parliament approves the 2027 budget after all-night session"],
  ["WEATHER-STORM", "Storm forces closure of ports along the northern coast"],
  ["MARKETS-CLOSE", "European shares close higher as energy stocks rally"],
  ["FOOTBALL-CL", "Champions League: late goal sends holders into the quarter-finals"],
  ["ELECTION-POLL", "Poll shows governing coalition losing ground before the vote"],
  ["HEALTH-VACCINE", "Regulator clears updated vaccine for the winter season"],
  ["TECH-CHIPS", "Chipmaker announces new plant and 3,000 jobs"],
  ["CLIMATE-COP", "Climate summit drafts deal on coal phase-out"],
  ["RAIL-STRIKE", "Rail workers vote for a 48-hour strike next week"],
  ["ART-AUCTION", "Lost Vermeer study sells for 41 million at auction"],
  ["SPACE-LAUNCH", "Weather delays launch of European lunar lander"],
  ["TENNIS-OPEN", "Top seed beaten in straight sets in the second round"],
  ["COURT-RULING", "Constitutional court strikes down surveillance law"],
  ["OIL-PRICES", "Oil falls as producers signal higher output"],
  ["FIRE-FOREST", "Hundreds evacuated as forest fire spreads in the south"],
  ["AUTO-EV", "Carmaker cuts electric model prices by up to 12 percent"],
] as const;

async function capture(page: Page, name: string): Promise<void> {
  await expect(queue(page).getByRole("option").first()).toBeVisible();
  await saveShot(page, name);
}

test("screenshots of the queue in the light and the dark theme", { tag: "@screenshots" }, async ({ browser, request, baseURL }) => {
  const since = new Date().toISOString();
  const tag = Date.now();
  const stories: WireStory[] = [];
  for (let i = 0; i < 34; i++) {
    const [slug, text] = TOPICS[i % TOPICS.length]!;
    const headline = i < TOPICS.length ? text : `${text.split(" ").slice(0, 4).join(" ")}: reactions and analysis`;
    stories.push({
      uri: `urn:e2e:shot:${tag}:${i}`,
      headline: i === 33 ? "FLASH: Earthquake of magnitude 7.1 strikes off the coast" : i === 31 ? "BULLETIN: Central bank raises rates by half a point" : headline,
      urgency: i === 33 ? 1 : i === 31 ? 2 : [5, 5, 4, 5, 3, 6, 5, 8][i % 8],
      agency: AGENCIES[i % AGENCIES.length],
      slugline: slug,
      categories: ["politics"],
      signals: i === 28 ? ["sig:correction"] : i === 25 ? ["sig:update"] : [],
      body: `<p>${"Words of the story. ".repeat(20 + i * 7)}</p>`,
    });
  }
  const ids = await ingestStories(request, baseURL!, stories);
  // Second versions, and a kill, from the agency.
  await ingestStories(request, baseURL!, [stories[30]!, stories[27]!].map((s) => ({ ...s, version: 2, headline: `${s.headline} (updated)` })));
  await ingestStories(request, baseURL!, [{ ...stories[22]!, version: 2, pubstatus: "canceled" }]);

  const editor = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Lena Light"));
  const colleague = await signedInPage(browser, await ensureUser(request, baseURL!, "editor", "Kai Colleague"));
  const view = `/?range=custom&since=${encodeURIComponent(since)}&desk=all`;
  await colleague.goto(`${view}&story=${ids[29]}`);
  await expect(colleague.getByRole("article", { name: "Story" })).toBeVisible();
  await editor.request.post(`/api/stories/${ids[26]}/actions/take`);
  await editor.request.post(`/api/stories/${ids[24]}/actions/spike`);
  for (const id of [ids[20], ids[19], ids[18]]) await editor.request.post(`/api/stories/${id}/read`);

  await editor.setViewportSize({ width: 1440, height: 860 });
  await editor.goto(`${view}&story=${ids[32]}`);
  await expect(line(editor, stories[32]!.headline)).toHaveAttribute("aria-selected", "true");
  await expect(line(editor, stories[29]!.headline).getByText("Kai Colleague viewing")).toBeAttached();
  await capture(editor, "queue-light.png");

  await editor.context().addCookies([{ name: "wd_theme", value: "dark", url: baseURL! }]);
  await editor.reload();
  await expect(editor.locator("html")).toHaveClass(/dark/);
  await expect(line(editor, stories[29]!.headline).getByText("Kai Colleague viewing")).toBeAttached();
  await capture(editor, "queue-dark.png");
});
