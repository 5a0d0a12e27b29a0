import type { AppContext } from "../app-context";
import type { Role } from "../contract/auth";
import { slugify } from "../contract/public-site";
import type { StoryDetail, StoryState } from "../contract/story";
import type { ActionBody, StoryHistoryEntry, WorkflowAction } from "../contract/workflow";
import { AppError } from "../errors";
import { publicationChanged, publicBaseUrl } from "../publishing/hub";
import { presentNinjs } from "../publishing/ninjs";
import { presentStoryDetail } from "./presenter";
import { decideTransition, type WorkflowActor, type WorkflowDecision } from "./workflow";
import { editorialLimits } from "./editorial-limits";
import { REOPENED_BY_EDITING } from "../contract/edit-rules";
import type { StoryFieldsPatch } from "../storage/desk-copy-store";

/** A refusal with the list of problems (422) carries them in the message and in `problems`. */
export class WorkflowRefusal extends AppError {
  readonly problems: string[];

  constructor(code: "forbidden" | "invalid_state" | "unparseable", message: string, problems: string[] = []) {
    super(code === "unparseable" ? "validation_failed" : code, message);
    this.problems = problems;
  }
}

/** The co-edited text written back before a step (the step keeps it as a desk version), and who changed it since the last version. */
async function contributionsBeforeStep(ctx: AppContext, id: string): Promise<string[]> {
  return (await ctx.collab?.contributionsBeforeStep(id)) ?? [];
}

/**
 * Runs a workflow action: the transition table, the holder, four-eyes, publish validation and the embargo
 * are checked inside the one transaction that writes the state, the history entry, the desk version,
 * the publication snapshot and the webhook queue; every desk and every output hears of it after commit.
 */
export async function runWorkflowAction(ctx: AppContext, id: string, action: WorkflowAction, actor: WorkflowActor, body: ActionBody = {}): Promise<StoryDetail> {
  const baseUrl = publicBaseUrl(ctx);
  const policy = {
    fourEyes: ctx.env.WIREDESK_FOUR_EYES,
    limits: editorialLimits(ctx.env),
    now: new Date(ctx.now()).toISOString(),
    timeZone: ctx.env.WIREDESK_TIME_ZONE,
  };
  const contributors = await contributionsBeforeStep(ctx, id);
  const result = await ctx.store.publishing.transition<Extract<WorkflowDecision, { ok: false }>>({
    id,
    action,
    actorId: actor.userId,
    expectedRev: body.rev,
    contributors,
    plan: (snapshot) => {
      const decision = decideTransition(action, body, actor, { ...snapshot.story, state: snapshot.story.state as StoryState, holderName: snapshot.holderName, spikedFrom: snapshot.spikedFrom, workers: snapshot.workers }, policy);
      if (!decision.ok) return { ok: false, refusal: decision };
      const { ok: _ok, ...plan } = decision;
      return { ok: true, plan };
    },
    slugFor: (story) => slugify(story.headline),
    webhookBody: (publication) => JSON.stringify(presentNinjs(publication, baseUrl)),
  });
  if (!result.ok) {
    if (result.reason === "not_found") throw new AppError("not_found", "No story with that id.");
    if (result.reason === "stale_rev" && action === "publish" && (result.story?.state === "published" || result.story?.state === "corrected")) {
      throw new AppError("invalid_state", "The story is already published.");
    }
    if (result.reason !== "refused") throw new AppError("conflict", "The story changed since you loaded it; look again and retry.");
    const { code, message, problems } = result.refusal;
    throw new WorkflowRefusal(code, message, problems);
  }
  ctx.collab?.stepKept(id, contributors);
  ctx.publisher.storiesChanged([{ seq: result.seq, story: result.story }]);
  if (result.publication) publicationChanged(ctx, result.publication);
  return presentStoryDetail(result.story);
}

/**
 * Editing a story handed on for review (submitted, approved) returns it to in_progress: a workflow
 * transition like any other (checked in its transaction, written to the history as `reopen`, told to
 * every desk), made by the first change typed into it, by a restore or an agency update brought in,
 * or by saving its other fields (`change`: written in the same transaction, at the rev the editor saw),
 * rather than by an action button; opening the editor changes nothing. Answers the store's result; the caller says what a refusal means.
 */
export async function reopenTransition(ctx: AppContext, id: string, actorId: string, change?: { rev: number; fields: StoryFieldsPatch }) {
  const contributors = await contributionsBeforeStep(ctx, id);
  const result = await ctx.store.publishing.transition<{ message: string }>({
    id,
    action: "reopen",
    actorId,
    contributors,
    expectedRev: change?.rev,
    plan: (snapshot) => {
      const from = snapshot.story.state;
      if (!REOPENED_BY_EDITING.includes(from)) return { ok: false, refusal: { message: "The story changed meanwhile; try again." } };
      return { ok: true, plan: { to: "in_progress", fields: change?.fields, detail: { reason: "edited", from } } };
    },
    slugFor: (story) => slugify(story.headline),
    webhookBody: () => "",
  });
  if (result.ok) {
    ctx.collab?.stepKept(id, contributors);
    ctx.publisher.storiesChanged([{ seq: result.seq, story: result.story }]);
  }
  return result;
}

/** Returns a story handed on to in_progress (see reopenTransition); refused once it is no longer handed on. */
export async function reopenForEditing(ctx: AppContext, id: string, actorId: string): Promise<StoryDetail> {
  const result = await reopenTransition(ctx, id, actorId);
  if (result.ok) return presentStoryDetail(result.story);
  if (result.reason === "not_found") throw new AppError("not_found", "No story with that id.");
  throw new AppError("invalid_state", result.reason === "refused" ? result.refusal.message : "The story changed meanwhile; try again.");
}

/** The actor of a signed-in request. */
export function userActor(user: { userId: string; role: Role }): WorkflowActor {
  return { userId: user.userId, role: user.role };
}

/** A story's workflow history, oldest first. */
export async function getStoryHistory(ctx: AppContext, id: string): Promise<StoryHistoryEntry[]> {
  if (!(await ctx.store.stories.getStory(id))) throw new AppError("not_found", "No story with that id.");
  const rows = await ctx.store.publishing.listHistory(id);
  return rows.map((r) => ({ id: r.id, at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, from: r.fromState, to: r.toState, rev: r.rev, detail: r.detail ?? null }));
}
