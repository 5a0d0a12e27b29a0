import type { Role } from "./auth";
import { clockTime } from "./clock";
import type { StoryState } from "./story";

/**
 * The desk's refusals in words for an editor, written once: the server's answers and the desk's own
 * checks (a disabled button, a shortcut that cannot apply) say the same sentence.
 */

type Action = "take" | "release" | "submit" | "approve" | "publish" | "schedule" | "spike" | "unspike" | "correct" | "kill";

/** The story as a refusal needs it: its state and who holds it since when. */
export interface HeldStory {
  state: StoryState;
  takenBy: string | null;
  takenByName?: string | null;
  takenAt?: string | null;
}

const VERBS: Record<Action, string> = {
  take: "take",
  release: "release",
  submit: "submit",
  approve: "approve",
  publish: "publish",
  schedule: "schedule",
  spike: "spike",
  unspike: "bring back",
  correct: "correct",
  kill: "kill",
};

/** Why a story in each state is not open to an action, as the end of "You cannot … this story: …". */
const STATE_REASONS: Record<StoryState, string> = {
  incoming: "nobody has taken it yet",
  in_progress: "someone is working on it",
  submitted: "it is waiting for a chief's approval",
  approved: "it is approved and waiting to go out",
  published: "it is already published",
  spiked: "it is spiked",
  killed: "it was killed",
  corrected: "it is published with a correction",
  scheduled: "it is scheduled to go out",
};

const ROLE_WHO: Record<Role, string> = { viewer: "signed-in users", editor: "editors, chiefs and admins", chief: "chiefs and admins", admin: "admins" };

/** "Eda Editor took this story at 14:02" (or "You took …"); a plain fallback when the name or time is unknown. */
export function holderSentence(story: HeldStory, viewerId: string | null, timeZone?: string): string {
  const who = story.takenBy !== null && story.takenBy === viewerId ? "You" : (story.takenByName ?? "Another editor");
  return story.takenAt ? `${who} took this story at ${clockTime(story.takenAt, timeZone)}` : `${who} took this story`;
}

/** The action needs a higher role. */
export function roleRefusal(action: Action, least: Role): string {
  return `Only ${ROLE_WHO[least]} can ${VERBS[action]} stories.`;
}

/** The story's state does not allow the action. */
export function stateRefusal(action: Action, story: HeldStory, viewerId: string | null, timeZone?: string): string {
  if (story.state === "in_progress" && story.takenBy) {
    const holder = holderSentence(story, viewerId, timeZone);
    return action === "take" && story.takenBy === viewerId ? `${holder}; it is already yours.` : `${holder}.`;
  }
  if (action === "publish" && (story.state === "published" || story.state === "corrected")) return "The story is already published.";
  return `You cannot ${VERBS[action]} this story: ${STATE_REASONS[story.state]}.`;
}

/** Someone else holds the story and only a chief may act on it for them. */
export function holderRefusal(action: Action, story: HeldStory, viewerId: string | null, timeZone?: string): string {
  return `${holderSentence(story, viewerId, timeZone)}; only a chief can ${VERBS[action]} it.`;
}
