import { randomBytes } from "node:crypto";
import type { AppContext } from "../app-context";
import type { DeskDto, DeskInput, DeskPatch } from "../contract/desk";
import { AppError } from "../errors";
import { presentDesk } from "./presenter";

function nameTaken(name: string): AppError {
  return new AppError("conflict", `A desk named "${name}" already exists.`);
}

/** Every desk in routing order with its rules. */
export async function listDesks(ctx: AppContext): Promise<DeskDto[]> {
  return (await ctx.store.desks.listDesks()).map(presentDesk);
}

/** Creates a desk (admin); it takes part in routing from the next delivery on. */
export async function createDesk(ctx: AppContext, input: DeskInput, actorId: string): Promise<DeskDto> {
  const desk = { id: randomBytes(8).toString("hex"), name: input.name, createdAt: new Date().toISOString() };
  const created = await ctx.store.desks.createDesk(desk, input.rules);
  if (created === "name_taken") throw nameTaken(input.name);
  await ctx.store.accounts.appendAudit({ actorId, action: "desk_created", subject: desk.id, detail: { name: desk.name, rules: input.rules.length } });
  return presentDesk(created);
}

/** Renames a desk and/or replaces its routing rules (admin). */
export async function updateDesk(ctx: AppContext, id: string, patch: DeskPatch, actorId: string): Promise<DeskDto> {
  const updated = await ctx.store.desks.updateDesk(id, patch);
  if (updated === null) throw new AppError("not_found", "No desk with that id.");
  if (updated === "name_taken") throw nameTaken(patch.name ?? "");
  await ctx.store.accounts.appendAudit({ actorId, action: "desk_updated", subject: id, detail: { name: patch.name, rules: patch.rules?.length } });
  return presentDesk(updated);
}

/** Sets the routing order of the desks (admin): the first desk with a matching rule takes each new story. */
export async function reorderDesks(ctx: AppContext, deskIds: string[], actorId: string): Promise<DeskDto[]> {
  const reordered = await ctx.store.desks.reorderDesks(deskIds);
  if (reordered === "stale") throw new AppError("conflict", "The desks changed since you loaded them (one was added or deleted). Reload and order them again.");
  await ctx.store.accounts.appendAudit({ actorId, action: "desks_reordered", subject: null, detail: { deskIds } });
  return reordered.map(presentDesk);
}

/** Deletes a desk and its rules (admin); stories already routed to it keep their desk id. */
export async function removeDesk(ctx: AppContext, id: string, actorId: string): Promise<void> {
  if (!(await ctx.store.desks.removeDesk(id))) throw new AppError("not_found", "No desk with that id.");
  await ctx.store.accounts.appendAudit({ actorId, action: "desk_deleted", subject: id });
}

/** Sets the desks a user belongs to (admin). */
export async function setUserDesks(ctx: AppContext, userId: string, deskIds: string[], actorId: string): Promise<string[]> {
  if (!(await ctx.store.accounts.findUserById(userId))) throw new AppError("not_found", "No such user.");
  if ((await ctx.store.desks.setUserDesks(userId, deskIds)) === "unknown_desk") throw new AppError("bad_request", "deskIds: one of the desks does not exist.");
  await ctx.store.accounts.appendAudit({ actorId, action: "user_desks_set", subject: userId, detail: { deskIds } });
  return ctx.store.desks.listUserDeskIds(userId);
}
