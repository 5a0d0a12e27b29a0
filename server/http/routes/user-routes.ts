import { z } from "zod";
import { RoleSchema } from "../../contract/auth";
import { presentUser } from "../../users/presenter";
import { addUser, changeUserAccess, listUsers, revokeSessionsOfUser } from "../../users/service";
import { requireUser, type Route } from "../route";

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
    handler: async ({ ctx }) => ({ status: 200, body: { users: (await listUsers(ctx)).map(presentUser) } }),
  },
  {
    method: "POST",
    path: "/api/users",
    access: "admin",
    handler: async ({ ctx, json, actor }) => {
      const input = await json(NewUserSchema);
      return { status: 201, body: presentUser(await addUser(ctx, input, requireUser(actor).userId)) };
    },
  },
  {
    method: "PATCH",
    path: "/api/users/:id",
    access: "admin",
    handler: async ({ ctx, json, actor, params }) => {
      const patch = await json(UserPatchSchema);
      return { status: 200, body: presentUser(await changeUserAccess(ctx, params.id ?? "", patch, requireUser(actor).userId)) };
    },
  },
  {
    method: "POST",
    path: "/api/users/:id/revoke-sessions",
    access: "admin",
    handler: async ({ ctx, actor, params }) => ({
      status: 200,
      body: { revoked: await revokeSessionsOfUser(ctx, params.id ?? "", requireUser(actor).userId) },
    }),
  },
];
