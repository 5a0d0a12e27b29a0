import type { StoryDetail } from "../contract/story";
import type { WorkflowAction } from "../contract/workflow";
import type { TestServer } from "./test-server";

/** The answer of one workflow action over HTTP. */
export interface ActionAnswer {
  status: number;
  story?: StoryDetail;
  error?: { code: string; message: string; problems?: string[] };
}

/** Runs `POST /api/stories/:id/actions/:action` as the cookie's user. */
export async function act(server: TestServer, cookie: string, id: string, action: WorkflowAction, body: Record<string, unknown> = {}): Promise<ActionAnswer> {
  const response = await fetch(`${server.url}/api/stories/${id}/actions/${action}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: server.url },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as StoryDetail | { error: ActionAnswer["error"] };
  return "error" in json ? { status: response.status, error: json.error } : { status: response.status, story: json };
}

/** Runs actions in order as the cookie's user, failing loudly when one is refused; returns the last story. */
export async function walk(server: TestServer, cookie: string, id: string, steps: (WorkflowAction | [WorkflowAction, Record<string, unknown>])[]): Promise<StoryDetail> {
  let story: StoryDetail | undefined;
  for (const step of steps) {
    const [action, body] = Array.isArray(step) ? step : [step, {}];
    const answer = await act(server, cookie, id, action, body);
    if (answer.status !== 200 || !answer.story) throw new Error(`${action} on ${id} answered ${answer.status}: ${answer.error?.message}`);
    story = answer.story;
  }
  if (!story) throw new Error("no steps");
  return story;
}

/** Valid extra fields for each action that needs one. */
export const ACTION_EXTRAS: Partial<Record<WorkflowAction, Record<string, unknown>>> = {
  correct: { note: "The minister's name was misspelt." },
  kill: { reason: "Legal advice." },
  schedule: { at: new Date(Date.now() + 3_600_000).toISOString() },
};
