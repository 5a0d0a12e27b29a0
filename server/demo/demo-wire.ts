import type { AppContext } from "../app-context";
import { ingestDelivery } from "../ingest/service";
import { demoItem } from "./demo-item";
import { DemoSchedule } from "./demo-schedule";
import { DEMO_STORIES } from "./demo-stories";
import { renderDemoDelivery } from "./render-delivery";

/**
 * Starts the demo wire: every few seconds a fictional story in a real wire format (ninjs, NITF,
 * NewsML-G2, IPTC 7901, plain text) through the real parsers; now and then a new version, rarely a kill.
 */
export function startDemoWire(ctx: AppContext): () => void {
  const schedule = new DemoSchedule();
  let sequence = 0;
  const deliver = () => {
    const plan = schedule.next();
    const story = DEMO_STORIES[plan.storyIndex]!;
    const item = demoItem(story, { serial: plan.serial, version: plan.version, pubStatus: plan.pubStatus });
    const delivery = renderDemoDelivery(item, plan.format, ++sequence);
    // No forced format: detection is part of what the demo exercises.
    ingestDelivery(ctx, delivery.bytes, { channel: "demo", sourceName: `demo wire (${delivery.format})` }).catch((error: unknown) =>
      ctx.logger.error({ err: error, format: delivery.format }, "demo delivery failed"),
    );
  };
  deliver();
  const timer = setInterval(deliver, ctx.env.WIREDESK_DEMO_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
