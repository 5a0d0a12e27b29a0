import { createContext, useContext } from "react";
import type { StorySummary } from "@/server/contract/story";
import { stateRefusal } from "@/server/contract/refusal-words";
import { actionRefusal, WORKFLOW_TABLE, type ActionSubject, type WorkflowAction } from "@/server/contract/workflow";

/** Who is at the desk (role and id), for deciding which actions are live; null before sign-in is known. */
export const DeskUserContext = createContext<ActionSubject | null>(null);

/** The desk user, as the workspace provides it. */
export function useDeskUser(): ActionSubject | null {
  return useContext(DeskUserContext);
}

type HeldSummary = Pick<StorySummary, "state" | "takenBy"> & Partial<Pick<StorySummary, "takenByName" | "takenAt">>;

/** Why the action cannot apply to the story as the desk sees it now (the server's own table and words), or null. */
export function whyNot(action: WorkflowAction, story: HeldSummary, who: ActionSubject | null, timeZone?: string): string | null {
  if (!who) return WORKFLOW_TABLE[action].from.includes(story.state) ? null : stateRefusal(action, story, null, timeZone);
  return actionRefusal(action, story, who, timeZone)?.message ?? null;
}

/** True when the action can apply to the story as the desk sees it now (the server checks again). */
export function canRun(action: WorkflowAction, story: HeldSummary, who: ActionSubject | null = null): boolean {
  return whyNot(action, story, who) === null;
}

/** Button labels of the actions. */
export const ACTION_LABELS: Record<WorkflowAction, string> = {
  take: "Take",
  release: "Release",
  submit: "Submit",
  approve: "Approve",
  publish: "Publish",
  schedule: "Schedule",
  spike: "Spike",
  unspike: "Unspike",
  correct: "Correct",
  kill: "Kill",
};

/** The key of each action, shown beside its button (and in the shortcuts table). */
export const ACTION_KEYS: Record<WorkflowAction, string> = { take: "t", release: "r", submit: "b", approve: "a", publish: "p", schedule: "w", spike: "s", unspike: "u", correct: "c", kill: "K" };
