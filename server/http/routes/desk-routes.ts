import { DeskInputSchema, DeskOrderInputSchema, DeskPatchSchema, UserDesksInputSchema } from "../../contract/desk";
import { createDesk, listDesks, removeDesk, reorderDesks, setUserDesks, updateDesk } from "../../desks/service";
import { requireUser, type Route } from "../route";

/** Desks and their routing rules (admins edit, everyone reads), and desk membership. */
export const deskRoutes: Route[] = [
  { method: "GET", path: "/api/desks", access: "viewer", handler: async ({ ctx }) => ({ status: 200, body: { desks: await listDesks(ctx) } }) },
  {
    method: "POST",
    path: "/api/desks",
    access: "admin",
    handler: async ({ ctx, json, actor }) => ({ status: 201, body: await createDesk(ctx, await json(DeskInputSchema), requireUser(actor).userId) }),
  },
  {
    method: "PUT",
    path: "/api/desks/order",
    access: "admin",
    handler: async ({ ctx, json, actor }) => {
      const { deskIds } = await json(DeskOrderInputSchema);
      return { status: 200, body: { desks: await reorderDesks(ctx, deskIds, requireUser(actor).userId) } };
    },
  },
  {
    method: "PATCH",
    path: "/api/desks/:id",
    access: "admin",
    handler: async ({ ctx, json, actor, params }) => ({ status: 200, body: await updateDesk(ctx, params.id ?? "", await json(DeskPatchSchema), requireUser(actor).userId) }),
  },
  {
    method: "DELETE",
    path: "/api/desks/:id",
    access: "admin",
    handler: async ({ ctx, actor, params }) => {
      await removeDesk(ctx, params.id ?? "", requireUser(actor).userId);
      return { status: 204 };
    },
  },
  {
    method: "PUT",
    path: "/api/users/:id/desks",
    access: "admin",
    handler: async ({ ctx, json, actor, params }) => {
      const { deskIds } = await json(UserDesksInputSchema);
      return { status: 200, body: { deskIds: await setUserDesks(ctx, params.id ?? "", deskIds, requireUser(actor).userId) } };
    },
  },
];
