import { getStory, listStories, listStoryVersions } from "../../stories/service";
import { getStoryHistory, runWorkflowAction, userActor } from "../../stories/workflow-service";
import { ActionBodySchema, isWorkflowAction } from "../../contract/workflow";
import { StoryFieldsPatchSchema } from "../../contract/story-fields";
import { NewStoryInputSchema } from "../../contract/new-story";
import { createDeskStory } from "../../stories/create-service";
import { patchStoryFields, StaleRevError } from "../../stories/fields-service";
import { AppError } from "../../errors";
import { requireUser, type Route } from "../route";

/** The queue, new desk stories, one story, its versions, its workflow history and workflow actions. */
export const storyRoutes: Route[] = [
  { method: "GET", path: "/api/stories", access: "viewer", handler: async ({ ctx, url, actor }) => ({ status: 200, body: await listStories(ctx, url.searchParams, requireUser(actor).userId) }) },
  {
    method: "POST",
    path: "/api/stories",
    access: "editor",
    handler: async ({ ctx, actor, json }) => ({ status: 201, body: await createDeskStory(ctx, await json(NewStoryInputSchema, 8 * 1024), requireUser(actor).userId) }),
  },
  { method: "GET", path: "/api/stories/:id", access: "viewer", handler: async ({ ctx, params }) => ({ status: 200, body: await getStory(ctx, params.id ?? "") }) },
  {
    method: "PATCH",
    path: "/api/stories/:id",
    access: "editor",
    handler: async ({ ctx, params, actor, json }) => {
      const input = await json(StoryFieldsPatchSchema, 16 * 1024);
      try {
        return { status: 200, body: await patchStoryFields(ctx, params.id ?? "", input, requireUser(actor).userId) };
      } catch (error) {
        // 409 with the story as it is now, so the editor sees the current value instead of a silent overwrite.
        if (error instanceof StaleRevError) return { status: 409, body: { error: { code: error.code, message: error.message }, story: error.current } };
        throw error;
      }
    },
  },
  {
    method: "GET",
    path: "/api/stories/:id/versions",
    access: "viewer",
    handler: async ({ ctx, params }) => ({ status: 200, body: { versions: await listStoryVersions(ctx, params.id ?? "") } }),
  },
  {
    method: "GET",
    path: "/api/stories/:id/history",
    access: "viewer",
    handler: async ({ ctx, params }) => ({ status: 200, body: { entries: await getStoryHistory(ctx, params.id ?? "") } }),
  },
  {
    method: "POST",
    path: "/api/stories/:id/actions/:action",
    access: "editor",
    handler: async ({ ctx, params, actor, req, json }) => {
      const action = params.action ?? "";
      if (!isWorkflowAction(action)) throw new AppError("not_found", `Unknown action "${action}".`);
      const hasBody = Number(req.headers["content-length"] ?? "0") > 0 || req.headers["transfer-encoding"] !== undefined;
      const body = hasBody ? await json(ActionBodySchema, 8 * 1024) : {};
      return { status: 200, body: await runWorkflowAction(ctx, params.id ?? "", action, userActor(requireUser(actor)), body) };
    },
  },
];
