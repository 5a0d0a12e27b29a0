import type { AppContext } from "../app-context";
import { publicationChanged, publicBaseUrl } from "./hub";
import { presentNinjs } from "./ninjs";

/**
 * When an agency kills a story that is already published (ingest marks it killed), chiefs are alerted at
 * once and, with WIREDESK_AGENCY_KILL=withdraw (the default), the publication is withdrawn everywhere.
 */
export async function handleAgencyKills(ctx: AppContext, storyIds: readonly string[]): Promise<void> {
  for (const id of storyIds) {
    const publication = await ctx.store.publishing.getPublication(id);
    if (!publication || publication.state === "killed") continue;
    const withdraw = ctx.env.WIREDESK_AGENCY_KILL === "withdraw";
    const message = withdraw
      ? `The agency killed "${publication.headline}"; it has been withdrawn from the site, feeds and API.`
      : `The agency killed "${publication.headline}", which is still published: withdraw it now.`;
    if (withdraw) {
      const withdrawn = await ctx.store.publishing.withdrawPublication(id, "Killed by the agency", (p) => JSON.stringify(presentNinjs(p, publicBaseUrl(ctx))));
      if (withdrawn) publicationChanged(ctx, withdrawn);
      const story = await ctx.store.stories.getStory(id);
      if (story) ctx.publisher.storiesChanged([{ seq: story.seq, story }]);
    }
    ctx.publisher.storyAlerted?.({ storyId: id, kind: "agency_kill", message });
    ctx.logger.warn({ storyId: id, withdraw }, "agency kill of a published story");
  }
}

/** Watches committed story changes for agency kills of published stories; returns a function that stops it. */
export function watchAgencyKills(ctx: AppContext): () => void {
  return ctx.publisher.onStories((changed) => {
    const killed = changed.filter((c) => c.story.state === "killed" && c.story.pubStatus === "canceled").map((c) => c.story.id);
    if (killed.length > 0) void handleAgencyKills(ctx, killed).catch((error: unknown) => ctx.logger.error({ err: error }, "agency kill handling failed"));
  });
}
