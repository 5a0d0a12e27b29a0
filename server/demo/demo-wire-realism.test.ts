import { describe, expect, it } from "vitest";
import { parseDelivery } from "../ingest/parse-delivery";
import { demoGuid, demoItem, laterVersions } from "./demo-item";
import { DemoSchedule, type DemoPlan } from "./demo-schedule";
import { DEMO_STORIES } from "./demo-stories";
import { DEMO_FORMATS, renderDemoDelivery } from "./render-delivery";

function parse(plan: DemoPlan) {
  const item = demoItem(DEMO_STORIES[plan.storyIndex]!, plan);
  const outcome = parseDelivery(renderDemoDelivery(item, plan.format).bytes);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value.stories[0]!;
}

/** One whole cycle of the demo wire: every story and every later version it has. */
function oneCycle(): DemoPlan[] {
  const schedule = new DemoSchedule();
  const total = DEMO_STORIES.reduce((n, story) => n + 1 + laterVersions(story).length, 0);
  return Array.from({ length: total }, () => schedule.next());
}

describe("the demo wire reads like a real one", () => {
  it("sends every story once, then its later versions under the same guid, in order", () => {
    const plans = oneCycle();
    const firsts = plans.filter((p) => p.version === 1);
    expect(firsts.map((p) => p.storyIndex)).toEqual(DEMO_STORIES.map((_, i) => i)); // each once, none twice
    for (const [index, story] of DEMO_STORIES.entries()) {
      const sent = plans.filter((p) => p.storyIndex === index);
      expect(sent.map((p) => p.version), story.headline).toEqual([1, ...laterVersions(story).map((v) => v.version)]);
      // A story with later versions goes out where guid and version travel, and keeps its guid throughout.
      if (sent.length > 1) expect(new Set(sent.map((p) => parse(p).guid)), story.headline).toEqual(new Set([demoGuid(story, 0)]));
    }
  });

  it("later versions are real agency versions: updates, corrections and a kill, each marked", () => {
    const plans = oneCycle().filter((p) => p.version > 1);
    const parsed = plans.map((p) => ({ plan: p, story: parse(p) }));
    const corrections = parsed.filter((p) => p.story.signals.includes("sig:correction"));
    const kills = parsed.filter((p) => p.story.pubStatus === "canceled");
    // NITF has no update signal: there, as agencies do, the headline says it.
    const updates = parsed.filter((p) => !corrections.includes(p) && !kills.includes(p));
    expect(updates.length).toBeGreaterThanOrEqual(10);
    for (const { plan, story } of updates) {
      expect(story.headline).toMatch(/^UPDATE \d+-/);
      if (plan.format !== "nitf") expect(story.signals).toContain("sig:update");
    }
    expect(corrections.length).toBeGreaterThanOrEqual(2);
    for (const { plan, story } of corrections) {
      const { correction } = DEMO_STORIES[plan.storyIndex]!;
      expect(story.headline).toMatch(/^CORRECTED-/);
      expect(story.bodyText).toContain(correction!.right);
      expect(story.bodyText).not.toContain(correction!.wrong);
      expect(story.editorNote).toContain(correction!.note);
    }
    expect(kills).toHaveLength(1);
    expect(updates.length + corrections.length + kills.length).toBe(plans.length);
  });

  it("the same event comes from two or three agencies, each in its own words", () => {
    const byEvent = new Map<string, (typeof DEMO_STORIES)[number][]>();
    for (const story of DEMO_STORIES) byEvent.set(story.event, [...(byEvent.get(story.event) ?? []), story]);
    const told = [...byEvent.values()].filter((stories) => stories.length >= 2);
    expect(told.length).toBeGreaterThanOrEqual(5);
    expect(told.some((stories) => stories.length === 3)).toBe(true);
    for (const stories of told) {
      expect(new Set(stories.map((s) => s.agency)).size, stories[0]!.event).toBe(stories.length);
      expect(new Set(stories.map((s) => s.headline)).size).toBe(stories.length);
      expect(new Set(stories.map((s) => s.paragraphs[0])).size).toBe(stories.length);
    }
  });

  it("names the agency on every story whose text names it, in every format", () => {
    for (const format of DEMO_FORMATS) {
      for (const [index, story] of DEMO_STORIES.entries()) {
        const parsed = parse({ storyIndex: index, serial: 0, version: 1, pubStatus: "usable", format });
        expect(demoItem(story, { serial: 0, version: 1 }).paragraphs[0]).toContain(`(${story.agency})`); // the text names it
        expect(parsed.agency, `${format} ${story.headline}`).toBe(story.agency);
      }
    }
  });

  it("goes on after the catalogue with a new cycle under new guids, and uses every format", () => {
    const schedule = new DemoSchedule();
    const plans = Array.from({ length: oneCycle().length + 3 }, () => schedule.next());
    expect(plans.at(-1)!.serial).toBe(1);
    expect(plans.at(-1)!.version).toBe(1);
    expect(new Set(plans.map((p) => p.format))).toEqual(new Set(DEMO_FORMATS));
  });
});
