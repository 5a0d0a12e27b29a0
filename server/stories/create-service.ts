import type { AppContext } from "../app-context";
import { DESK_FORMAT, type NewStoryInput } from "../contract/new-story";
import type { StoryDetail } from "../contract/story";
import { AppError } from "../errors";
import { htmlToText } from "../ingest/text/plain-text";
import { countWords } from "../ingest/text/word-count";
import { presentStoryDetail } from "./presenter";
import { sourcesOf, takesBodyHtml, type Take } from "./takes-body";

/** The urgency of a desk story that starts blank (ROUTINE). */
const ROUTINE = 5;

async function deskFor(ctx: AppContext, wanted: string | null | undefined, creatorId: string): Promise<string | null> {
  if (wanted && (await ctx.store.desks.getDesk(wanted))) return wanted;
  return (await ctx.store.desks.listUserDeskIds(creatorId))[0] ?? null;
}

/** A take with what the desk story inherits from it. */
type LoadedTake = Take & { urgency: number; language: string | null };

async function loadTakes(ctx: AppContext, ids: readonly string[]): Promise<LoadedTake[]> {
  const unique = [...new Set(ids)];
  const stories = await Promise.all(unique.map((id) => ctx.store.stories.getStory(id)));
  const missing = unique.filter((_, i) => !stories[i]);
  if (missing.length > 0) throw new AppError("not_found", `No story with the id ${missing.join(", ")}: it may have been removed; mark the takes again.`);
  return stories.map((s) => ({ id: s!.id, agency: s!.agency, headline: s!.headline, bodyHtml: s!.bodyHtml, urgency: s!.urgency, language: s!.language }));
}

/**
 * Creates a story the desk writes itself, taken by its creator (in_progress) and bylined to them:
 * blank, or started from takes (their text in the order given, their sources kept and credited).
 * Every desk hears of it after commit like any other story; the audit log records who made it.
 */
export async function createDeskStory(ctx: AppContext, input: NewStoryInput, creatorId: string): Promise<StoryDetail> {
  const creator = await ctx.store.accounts.findUserById(creatorId);
  if (!creator) throw new AppError("unauthorized", "Sign in again.");
  const takes = input.fromStoryIds ? await loadTakes(ctx, input.fromStoryIds) : [];
  // A blank story starts with one empty paragraph: every editor's body editor then binds to the same one.
  const bodyHtml = takes.length > 0 ? takesBodyHtml(takes) : "<p></p>";
  const bodyText = htmlToText(bodyHtml);
  const languages = new Set(takes.map((t) => t.language));
  const { seq, story } = await ctx.store.stories.createDeskStory({
    creator: { id: creator.id, name: creator.name },
    format: DESK_FORMAT,
    headline: "",
    // As agency copy signs it ("By Petra Lind"): the byline readers see.
    byline: `By ${creator.name}`,
    bodyHtml,
    bodyText,
    wordCount: countWords(bodyText),
    // The most urgent of its takes; ROUTINE when it starts blank.
    urgency: takes.length > 0 ? Math.min(...takes.map((t) => t.urgency)) : ROUTINE,
    language: languages.size === 1 ? [...languages][0]! : null,
    categories: [],
    deskId: await deskFor(ctx, input.deskId, creator.id),
    sources: sourcesOf(takes),
    at: new Date(ctx.now()).toISOString(),
  });
  ctx.publisher.storiesChanged([{ seq, story }]);
  await ctx.store.accounts.appendAudit({ actorId: creator.id, action: "story.create", subject: story.id, detail: takes.length > 0 ? { fromStoryIds: takes.map((t) => t.id) } : undefined });
  return presentStoryDetail(story);
}
