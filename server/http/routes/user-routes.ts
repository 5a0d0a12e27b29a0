import { z } from "zod";
import { RoleSchema } from "../../contract/auth";
import { createUser, revokeUserSessions, updateUserAccess } from "../../auth/service";
import { AppError } from "../../errors";
import { requireUser, type Route } from "../route";
import { presentUser } from "./auth-routes";

const NewUserSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(120),
  role: RoleSchema,
  password: z.string().min(10, "use at least 10 characters").max(1024),
});
const UserPatchSchema = z.object({ role: RoleSchema.optional(), active: z.boolean().optional() }).strict();

/** Admin: list, create, change role or deactivate users, revoke their sessions. */
export const userRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/users",
    access: "admin",
    handler: async ({ ctx }) => ({ status: 200, body: { users: (await ctx.store.accounts.listUsers()).map(presentUser) } }),
  },
  {
    method: "POST",
    path: "/api/users",
    access: "admin",
    handler: async ({ ctx, json, actor }) => ({ status: 201, body: presentUser(await createUser(ctx, await json(NewUserSchema), requireUser(actor).userId)) }),
  },
  {
    method: "PATCH",
    path: "/api/users/:id",
    access: "admin",
    handler: async ({ ctx, json, actor, params }) => {
      const me = requireUser(actor);
      const patch = await json(UserPatchSchema);
      if (params.id === me.userId && (patch.active === false || (patch.role && patch.role !== "admin"))) {
        throw new AppError("forbidden", "You cannot deactivate or demote yourself; ask another admin.");
      }
      return { status: 200, body: presentUser(await updateUserAccess(ctx, params.id ?? "", patch, me.userId)) };
    },
  },
  {
    method: "POST",
    path: "/api/users/:id/revoke-sessions",
    access: "admin",
    handler: async ({ ctx, actor, params }) => {
      if (!(await ctx.store.accounts.findUserById(params.id ?? ""))) throw new AppError("not_found", "No such user.");
      return { status: 200, body: { revoked: await revokeUserSessions(ctx, params.id ?? "", requireUser(actor).userId) } };
    },
  },
];
