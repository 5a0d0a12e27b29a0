import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDelivery } from "../ingest/parse-delivery";
import { ingestDelivery } from "../ingest/service";
import { startTestServer, type TestServer } from "../testing/test-server";
import { demoItem } from "./demo-item";
import { DemoSchedule } from "./demo-schedule";
import { DEMO_STORIES } from "./demo-stories";
import { DEMO_FORMATS, VERSIONED_DEMO_FORMATS, renderDemoDelivery } from "./render-delivery";

function parseBack(bytes: Uint8Array) {
  const outcome = parseDelivery(bytes);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  expect(outcome.value.stories).toHaveLength(1);
  return { format: outcome.value.format, story: outcome.value.stories[0]! };
}

describe("the demo wire writes real formats that the real parsers read back", () => {
  it.each(DEMO_FORMATS)("%s: every demo story comes back with its headline, urgency and agency", (format) => {
    for (const [index, story] of DEMO_STORIES.entries()) {
      const item = demoItem(story, { serial: 0, version: 1 });
      const delivery = renderDemoDelivery(item, format, index);
      const parsed = parseBack(delivery.bytes);
      expect(parsed.format, story.slug).toBe(format); // detected, not forced
      expect(parsed.story.headline, `${format} ${story.slug}`).toBe(story.headline);
      expect(parsed.story.bodyText).toContain(story.paragraphs.at(-1)!);
      if (format === "plain") continue; // plain text carries no urgency or agency field
      // IPTC 7901 priorities run 1-6 only: lower-priority stories go out as 6.
      expect(parsed.story.urgency, `${format} ${story.slug}`).toBe(format === "iptc7901" ? Math.min(story.urgency, 6) : story.urgency);
      expect(parsed.story.agency, `${format} ${story.slug}`).toBe(story.agency);
    }
  });

  it.each(DEMO_FORMATS.filter((format) => format !== "plain"))("%s: the version time comes back as the moment it was written (to the minute)", (format) => {
    const at = new Date("2025-07-15T10:37:42Z");
    const parsed = parseBack(renderDemoDelivery(demoItem(DEMO_STORIES[0]!, { serial: 0, version: 1, at }), format).bytes).story;
    expect(Math.floor(Date.parse(parsed.versionCreated ?? "") / 60_000)).toBe(Math.floor(at.getTime() / 60_000));
  });

  it("IPTC 7901 deliveries are byte streams with the control characters of the standard", () => {
    const bytes = renderDemoDelivery(demoItem(DEMO_STORIES[2]!, { serial: 0, version: 1 }), "iptc7901", 7).bytes;
    expect(bytes[0]).toBe(0x01);
    expect([...bytes]).toEqual(expect.arrayContaining([0x02, 0x03, 0x04, 0x07]));
  });

  it.each(VERSIONED_DEMO_FORMATS)("%s carries guid and version, later versions add the update sentences, a kill is canceled", (format) => {
    const story = DEMO_STORIES[0]!;
    const first = parseBack(renderDemoDelivery(demoItem(story, { serial: 2, version: 1 }), format).bytes).story;
    const third = parseBack(renderDemoDelivery(demoItem(story, { serial: 2, version: 3 }), format).bytes).story;
    const kill = parseBack(renderDemoDelivery(demoItem(story, { serial: 2, version: 4, pubStatus: "canceled" }), format).bytes).story;
    expect(first).toMatchObject({ guid: "urn:demo:northwire:port-strike:2", version: 1, pubStatus: "usable" });
    expect(third).toMatchObject({ guid: first.guid, version: 3, pubStatus: "usable", headline: `UPDATE 2-${story.headline}` });
    expect(third.bodyText).toContain(story.updates[0]!);
    expect(third.bodyText).toContain(story.updates[1]!);
    expect(first.bodyText).not.toContain(story.updates[0]!);
    expect(kill).toMatchObject({ guid: first.guid, version: 4, pubStatus: "canceled" });
  });

  it("the schedule rotates formats, sends new versions of earlier stories and, rarely, a kill", () => {
    const schedule = new DemoSchedule();
    const plans = Array.from({ length: 120 }, () => schedule.next());
    expect(new Set(plans.map((p) => p.format))).toEqual(new Set(DEMO_FORMATS));
    const updates = plans.filter((p) => p.version > 1 && p.pubStatus === "usable");
    const kills = plans.filter((p) => p.pubStatus === "canceled");
    expect(updates.length).toBeGreaterThan(15);
    expect(kills.length).toBeGreaterThanOrEqual(1);
    expect(kills.length).toBeLessThan(10);
    for (const later of [...updates, ...kills]) {
      const firstIndex = plans.findIndex((p) => p.storyIndex === later.storyIndex && p.serial === later.serial && p.version === 1);
      expect(firstIndex).toBeGreaterThanOrEqual(0);
      expect(VERSIONED_DEMO_FORMATS).toContain(plans[firstIndex]!.format);
    }
  });
});

describe("the demo wire through the real pipeline", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it("never lands in quarantine, links versions and kills stories", async () => {
    const schedule = new DemoSchedule();
    for (let i = 0; i < 60; i++) {
      const plan = schedule.next();
      const item = demoItem(DEMO_STORIES[plan.storyIndex]!, { serial: plan.serial, version: plan.version, pubStatus: plan.pubStatus });
      await ingestDelivery(server.desk.ctx, renderDemoDelivery(item, plan.format, i).bytes, { channel: "demo", sourceName: "test" });
    }
    expect(await server.desk.ctx.store.stories.listFailedDeliveries(10)).toEqual([]);
    const { cookie } = await server.signIn("viewer");
    const response = await fetch(`${server.url}/api/stories?limit=200`, { headers: { cookie } });
    const { stories } = (await response.json()) as { stories: { versionCount: number; state: string; headline: string }[] };
    expect(stories.some((s) => s.versionCount > 1 && s.headline.startsWith("UPDATE "))).toBe(true);
    expect(stories.some((s) => s.state === "killed")).toBe(true);
  });
});
