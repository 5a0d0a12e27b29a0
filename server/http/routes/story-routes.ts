import { z } from "zod";
import { getStory, listStories, listStoryVersions, runWorkflowAction } from "../../stories/service";
import { isWorkflowAction } from "../../stories/workflow";
import { AppError } from "../../errors";
import { requireUser, type Route } from "../route";

const ActionBodySchema = z.object({ rev: z.number().int().positive().optional() }).strict();

/** The queue, one story, its versions and workflow actions. */
export const storyRoutes: Route[] = [
  { method: "GET", path: "/api/stories", access: "viewer", handler: async ({ ctx, url, actor }) => ({ status: 200, body: await listStories(ctx, url.searchParams, requireUser(actor).userId) }) },
  { method: "GET", path: "/api/stories/:id", access: "viewer", handler: async ({ ctx, params }) => ({ status: 200, body: await getStory(ctx, params.id ?? "") }) },
  {
    method: "GET",
    path: "/api/stories/:id/versions",
    access: "viewer",
    handler: async ({ ctx, params }) => ({ status: 200, body: { versions: await listStoryVersions(ctx, params.id ?? "") } }),
  },
  {
    method: "POST",
    path: "/api/stories/:id/actions/:action",
    access: "editor",
    handler: async ({ ctx, params, actor, req, json }) => {
      const action = params.action ?? "";
      if (!isWorkflowAction(action)) throw new AppError("not_found", `Unknown action "${action}".`);
      const hasBody = Number(req.headers["content-length"] ?? "0") > 0;
      const body = hasBody ? await json(ActionBodySchema, 1024) : {};
      return { status: 200, body: await runWorkflowAction(ctx, params.id ?? "", action, requireUser(actor).userId, body.rev) };
    },
  },
];
