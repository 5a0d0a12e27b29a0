import { z } from "zod";
import { RoleSchema } from "../../contract/auth";
import { createUser, revokeUserSessions, updateUserAccess } from "../../auth/service";
import { AppError } from "../../errors";
import { requireUser, type Route } from "../route";
import { loadUserProfile } from "../../users/profile";
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
    handler: async ({ ctx }) => ({
      status: 200,
      body: { users: await Promise.all((await ctx.store.accounts.listUsers()).map(async (u) => presentUser(u, await loadUserProfile(ctx, u.id)))) },
    }),
  },
  {
    method: "POST",
    path: "/api/users",
    access: "admin",
    handler: async ({ ctx, json, actor }) => {
      const user = await createUser(ctx, await json(NewUserSchema), requireUser(actor).userId);
      return { status: 201, body: presentUser(user, await loadUserProfile(ctx, user.id)) };
    },
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
      const user = await updateUserAccess(ctx, params.id ?? "", patch, me.userId);
      return { status: 200, body: presentUser(user, await loadUserProfile(ctx, user.id)) };
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
