import type { AppContext } from "../app-context";
import { ingestDelivery } from "../ingest/service";
import { DEMO_STORIES } from "./demo-stories";
import { renderDemoDelivery } from "./render-delivery";

/** Starts the demo wire: a fictional story (or a new version of an earlier one) every few seconds. */
export function startDemoWire(ctx: AppContext): () => void {
  let tick = 0;
  const deliver = () => {
    const story = DEMO_STORIES[tick % DEMO_STORIES.length]!;
    const round = Math.floor(tick / DEMO_STORIES.length);
    // Every third delivery in a later round is a new version of the same story; others are new stories.
    const isNewVersion = round > 0 && tick % 3 === 0;
    const delivery = renderDemoDelivery(story, { tick, serial: isNewVersion ? round - 1 : round, version: isNewVersion ? round + 1 : 1 });
    tick += 1;
    ingestDelivery(ctx, delivery.bytes, { channel: "demo", sourceName: "demo wire", format: delivery.format }).catch((error: unknown) =>
      ctx.logger.error({ err: error }, "demo delivery failed"),
    );
  };
  deliver();
  const timer = setInterval(deliver, ctx.env.WIREDESK_DEMO_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
