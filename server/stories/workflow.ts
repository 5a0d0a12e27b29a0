import type { Role } from "../contract/auth";
import { publishProblems, submitProblems, type PublishLimits } from "../contract/publish-rules";
import type { StoryState } from "../contract/story";
import { ACTION_FIELDS, actionRefusal, WORKFLOW_TABLE, type ActionBody, type WorkflowAction } from "../contract/workflow";

export { isWorkflowAction, type WorkflowAction } from "../contract/workflow";

/** Who runs an action: a user, or the system (the scheduler, an agency kill) with chief rights. */
export interface WorkflowActor {
  userId: string | null;
  role: Role;
}

/** The story as the transaction read it, with the facts the rules need. */
export interface WorkflowSnapshot {
  state: StoryState;
  takenBy: string | null;
  holderName: string | null;
  /** The holder's name and the time they took it, as kept on the story. */
  takenByName?: string | null;
  takenAt?: string | null;
  headline: string;
  slugline: string | null;
  abstract: string | null;
  bodyText: string;
  editorNote: string | null;
  embargoUntil: string | null;
  /** The state before the spike, for unspike. */
  spikedFrom: StoryState | null;
  /** Users who took, submitted or edited the story (four-eyes). */
  workers: readonly string[];
}

/** The settings the rules read. */
export interface WorkflowPolicy {
  fourEyes: boolean;
  limits: PublishLimits;
  now: string;
  /** The desk's time zone, for times in refusals. */
  timeZone?: string;
}

/** What the output side does with a transition. */
export type PublicationStep = { kind: "publish" } | { kind: "correct"; note: string } | { kind: "kill"; reason: string };

/** The rules' answer: refused with a reason (and for 422 the list of problems), or the change to make. */
export type WorkflowDecision =
  | { ok: false; code: "forbidden" | "invalid_state" | "unparseable"; message: string; problems?: string[] }
  | {
      ok: true;
      to: StoryState;
      takenBy?: string | null;
      spikedFrom?: StoryState | null;
      scheduledAt?: string | null;
      publication?: PublicationStep;
      detail: Record<string, unknown>;
    };

function problemsRefusal(problems: string[], lead = "The story cannot go out yet"): WorkflowDecision {
  return { ok: false, code: "unparseable", message: `${lead}: ${problems.join(" ")}`, problems };
}

/**
 * Decides one workflow action from the transition table and the story as read inside the transaction
 * (so every check holds when the change is written): role, state, holder, four-eyes, required fields,
 * publish validation and embargo.
 */
export function decideTransition(action: WorkflowAction, body: ActionBody, actor: WorkflowActor, story: WorkflowSnapshot, policy: WorkflowPolicy): WorkflowDecision {
  if (action === "publish" && (story.state === "published" || story.state === "corrected")) {
    return { ok: false, code: "invalid_state", message: "The story is already published." };
  }
  const held = { state: story.state, takenBy: story.takenBy, takenByName: story.takenByName ?? story.holderName, takenAt: story.takenAt };
  const refusal = actionRefusal(action, held, { role: actor.role, userId: actor.userId ?? "" }, policy.timeZone);
  if (refusal) return { ok: false, ...refusal };
  const field = ACTION_FIELDS[action];
  if (field && !body[field]) return problemsRefusal([`${action} needs "${field}".`]);
  const rule = WORKFLOW_TABLE[action];
  const detail: Record<string, unknown> = {};
  switch (action) {
    case "take":
      return { ok: true, to: "in_progress", takenBy: actor.userId, detail };
    case "release":
      return { ok: true, to: "incoming", takenBy: null, detail };
    case "spike":
      return { ok: true, to: "spiked", spikedFrom: story.state, detail };
    case "unspike": {
      const to = story.spikedFrom ?? "incoming";
      return { ok: true, to, spikedFrom: null, ...(to === "incoming" ? { takenBy: null } : {}), detail };
    }
    case "approve":
      if (policy.fourEyes && actor.userId && story.workers.includes(actor.userId)) {
        return { ok: false, code: "forbidden", message: "Four-eyes is on: the approver must not be one of the editors who worked on the story." };
      }
      return { ok: true, to: "approved", detail };
    case "submit": {
      const problems = submitProblems(story);
      if (problems.length > 0) return problemsRefusal(problems, "The story cannot go to a chief yet");
      return { ok: true, to: "submitted", detail };
    }
    case "publish":
    case "schedule": {
      const problems = publishProblems(story, policy.limits);
      if (action === "schedule" && body.at && Date.parse(body.at) <= Date.parse(policy.now)) problems.push("The scheduled time is in the past.");
      if (problems.length > 0) return problemsRefusal(problems);
      const embargoed = story.embargoUntil !== null && Date.parse(story.embargoUntil) > Date.parse(policy.now);
      const wanted = action === "schedule" ? body.at! : null;
      const at = latest(wanted, embargoed ? story.embargoUntil : null);
      if (at) return { ok: true, to: "scheduled", scheduledAt: new Date(at).toISOString(), detail: { at: new Date(at).toISOString(), ...(embargoed ? { embargoUntil: story.embargoUntil } : {}) } };
      return { ok: true, to: "published", scheduledAt: null, publication: { kind: "publish" }, detail };
    }
    case "correct": {
      const problems = publishProblems(story, policy.limits);
      if (problems.length > 0) return problemsRefusal(problems);
      return { ok: true, to: "corrected", publication: { kind: "correct", note: body.note! }, detail: { note: body.note } };
    }
    case "kill":
      return { ok: true, to: rule.to as StoryState, publication: { kind: "kill", reason: body.reason! }, detail: { reason: body.reason } };
  }
}

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
