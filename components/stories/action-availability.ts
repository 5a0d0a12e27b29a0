import type { StorySummary } from "@/server/contract/story";
import type { WorkflowAction } from "./use-story-actions";

/** The states each action may start from (the server's rules; it refuses anything else with a reason). */
const ALLOWED_FROM: Record<WorkflowAction, readonly StorySummary["state"][]> = {
  take: ["incoming"],
  release: ["in_progress"],
  spike: ["incoming", "in_progress"],
  unspike: ["spiked"],
};

/** True when the action can apply to the story as the desk sees it now. */
export function canRun(action: WorkflowAction, story: Pick<StorySummary, "state">): boolean {
  return ALLOWED_FROM[action].includes(story.state);
}

/** Button labels of the actions. */
export const ACTION_LABELS: Record<WorkflowAction, string> = { take: "Take", release: "Release", spike: "Spike", unspike: "Unspike" };

/** The key of each action, shown beside its button. */
export const ACTION_KEYS: Record<WorkflowAction, string> = { take: "t", release: "r", spike: "s", unspike: "u" };
