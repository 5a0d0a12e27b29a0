import { z } from "zod";
import { hasRole, type Role } from "./auth";
import { holderRefusal, roleRefusal, stateRefusal, type HeldStory } from "./refusal-words";
import type { StoryState } from "./story";

/** Every workflow action, in the order the desk offers them. */
export const WORKFLOW_ACTIONS = ["take", "release", "submit", "approve", "publish", "schedule", "spike", "unspike", "correct", "kill"] as const;
export const WorkflowActionSchema = z.enum(WORKFLOW_ACTIONS);
export type WorkflowAction = z.infer<typeof WorkflowActionSchema>;

/** One row of the transition table: where an action may start, where it leads, and the least role. */
export interface TransitionRule {
  from: readonly StoryState[];
  /** The state it leads to; `previous` is the state the story had before it was spiked. */
  to: StoryState | "previous";
  role: Role;
  /** The action is about the person holding the story: another editor's story needs a chief. */
  holderOnly: boolean;
}

/**
 * The workflow transition table, written once: the server checks every action against it and the desk
 * derives which buttons and keys are live from it.
 */
export const WORKFLOW_TABLE: Readonly<Record<WorkflowAction, TransitionRule>> = {
  take: { from: ["incoming"], to: "in_progress", role: "editor", holderOnly: false },
  release: { from: ["in_progress"], to: "incoming", role: "editor", holderOnly: true },
  submit: { from: ["in_progress"], to: "submitted", role: "editor", holderOnly: true },
  approve: { from: ["submitted"], to: "approved", role: "chief", holderOnly: false },
  publish: { from: ["approved", "scheduled"], to: "published", role: "chief", holderOnly: false },
  schedule: { from: ["approved", "scheduled"], to: "scheduled", role: "chief", holderOnly: false },
  spike: { from: ["incoming", "in_progress", "submitted"], to: "spiked", role: "editor", holderOnly: true },
  unspike: { from: ["spiked"], to: "previous", role: "editor", holderOnly: false },
  correct: { from: ["published", "corrected"], to: "corrected", role: "chief", holderOnly: false },
  kill: { from: ["published", "corrected"], to: "killed", role: "chief", holderOnly: false },
};

/** Each action as done ("Taken by …" in the history, "Spiked 3 stories" on the desk), written once. */
export const ACTION_DONE: Readonly<Record<WorkflowAction, string>> = {
  take: "Taken",
  release: "Released",
  submit: "Submitted",
  approve: "Approved",
  publish: "Published",
  schedule: "Scheduled",
  spike: "Spiked",
  unspike: "Unspiked",
  correct: "Corrected",
  kill: "Killed",
};

/** True for a known action name. */
export function isWorkflowAction(name: string): name is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(name);
}

/** The body of `POST /api/stories/:id/actions/:action`: the rev the caller saw, and the action's own field. */
export const ActionBodySchema = z
  .object({
    rev: z.number().int().positive().optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ActionBody = z.infer<typeof ActionBodySchema>;

/** The fields an action needs besides `rev` (correct a note, kill a reason, schedule a time). */
export const ACTION_FIELDS: Partial<Record<WorkflowAction, "note" | "reason" | "at">> = { correct: "note", kill: "reason", schedule: "at" };

/** Who the desk thinks is asking, and the story as the desk sees it. */
export interface ActionSubject {
  role: Role;
  userId: string;
}

/**
 * Why an action cannot run now, in words for an editor (see refusal-words.ts), or null when it can
 * (role, state and holder; the server checks again). `timeZone` is the desk's, for the holder's time.
 */
export function actionRefusal(action: WorkflowAction, story: HeldStory, who: ActionSubject, timeZone?: string): { code: "forbidden" | "invalid_state"; message: string } | null {
  const rule = WORKFLOW_TABLE[action];
  if (!hasRole(who.role, rule.role)) return { code: "forbidden", message: roleRefusal(action, rule.role) };
  if (!rule.from.includes(story.state)) return { code: "invalid_state", message: stateRefusal(action, story, who.userId, timeZone) };
  if (rule.holderOnly && story.takenBy && story.takenBy !== who.userId && !hasRole(who.role, "chief")) {
    return { code: "forbidden", message: holderRefusal(action, story, who.userId, timeZone) };
  }
  return null;
}

/** True when the action would act on a story someone else holds (the desk asks before it does). */
export function isOnAnothersStory(action: WorkflowAction, story: HeldStory, userId: string): boolean {
  return WORKFLOW_TABLE[action].holderOnly && story.takenBy !== null && story.takenBy !== userId;
}

/** One entry of a story's workflow history (`GET /api/stories/:id/history`). */
export const StoryHistoryEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  rev: z.number(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type StoryHistoryEntry = z.infer<typeof StoryHistoryEntrySchema>;
