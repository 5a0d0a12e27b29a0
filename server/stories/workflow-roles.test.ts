import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "../contract/auth";
import { WORKFLOW_ACTIONS, WORKFLOW_TABLE, type WorkflowAction } from "../contract/workflow";
import { seedStories } from "../testing/seed-stories";
import { startTestServer, type TestServer } from "../testing/test-server";
import { act, ACTION_EXTRAS, walk } from "../testing/workflow-helpers";

let server: TestServer;
const cookies = new Map<Role, string>();
let chief = "";

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) cookies.set(role, (await server.signIn(role)).cookie);
  chief = (await server.signIn("chief")).cookie;
});
afterAll(async () => server.stop());

/** Brings a fresh story to the first state the action may start from; held stories are held by `holder`. */
async function storyReadyFor(action: WorkflowAction, holder: string): Promise<string> {
  const [id] = await seedStories(server.desk.ctx, [{ headline: `Ready for ${action}`, bodyText: "A body.", bodyHtml: "<p>A body.</p>" }]);
  const from = WORKFLOW_TABLE[action].from[0];
  const toApproved = async () => {
    await walk(server, holder, id!, ["take", "submit"]);
    await walk(server, chief, id!, ["approve"]);
  };
  switch (from) {
    case "incoming":
      break;
    case "in_progress":
      await walk(server, holder, id!, ["take"]);
      break;
    case "submitted":
      await walk(server, holder, id!, ["take", "submit"]);
      break;
    case "approved":
      await toApproved();
      break;
    case "published":
      await toApproved();
      await walk(server, chief, id!, ["publish"]);
      break;
    case "spiked":
      await walk(server, holder, id!, ["spike"]);
      break;
    default:
      throw new Error(`no path to ${from}`);
  }
  return id!;
}

describe("each workflow transition tried by each role", () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const role of ROLES) {
      const rule = WORKFLOW_TABLE[action];
      const allowed = hasRole(role, rule.role);
      it(`${action} by ${role}: ${allowed ? "allowed" : "403 with a reason"}`, async () => {
        const cookie = cookies.get(role)!;
        // A viewer cannot hold a story: its held stories are held by the chief.
        const id = await storyReadyFor(action, role === "viewer" ? chief : cookie);
        const answer = await act(server, cookie, id, action, ACTION_EXTRAS[action] ?? {});
        if (allowed) {
          expect(answer.status, answer.error?.message).toBe(200);
          const expected = rule.to === "previous" ? "incoming" : action === "schedule" ? "scheduled" : rule.to;
          expect(answer.story?.state).toBe(expected);
        } else {
          expect(answer.status).toBe(403);
          // The route table refuses viewers; the workflow rules refuse the rest, in words for an editor.
          expect(answer.error?.message).toMatch(/^(This needs the \w+ role or higher|Only (editors, chiefs and admins|chiefs and admins|admins) can [a-z ]+ stories)\.$/);
        }
      });
    }
  }
});
