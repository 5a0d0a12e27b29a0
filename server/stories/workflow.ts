import type { StoryState } from "../contract/story";

/** Each workflow action names the states it may start from and the state it leads to. */
export const WORKFLOW_ACTIONS = {
  take: { from: ["incoming"], to: "in_progress" },
  release: { from: ["in_progress"], to: "incoming" },
  spike: { from: ["incoming", "in_progress"], to: "spiked" },
  unspike: { from: ["spiked"], to: "incoming" },
} as const satisfies Record<string, { from: readonly StoryState[]; to: StoryState }>;

export type WorkflowAction = keyof typeof WORKFLOW_ACTIONS;

/** True for a known action name. */
export function isWorkflowAction(name: string): name is WorkflowAction {
  return Object.hasOwn(WORKFLOW_ACTIONS, name);
}
