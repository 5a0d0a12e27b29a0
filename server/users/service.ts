import type { AppContext } from "../app-context";
import { createUser, revokeUserSessions, updateUserAccess } from "../auth/service";
import type { Role, UserSettings, UserSettingsPatch } from "../contract/auth";
import { AppError } from "../errors";
import type { UserWithProfile } from "../storage/store";

/** A new account as an admin enters it. */
export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** A change of a user's access as an admin asks for it. */
export interface UserAccessPatch {
  role?: Role;
  active?: boolean;
}

async function withProfile(ctx: AppContext, userId: string): Promise<UserWithProfile> {
  const found = await ctx.store.accounts.findUserWithProfile(userId);
  if (!found) throw new AppError("not_found", "No such user.");
  return found;
}

/** Every user with their desks and settings, by name (one query, however many users). */
export async function listUsers(ctx: AppContext): Promise<UserWithProfile[]> {
  return ctx.store.accounts.listUsersWithProfiles();
}

/** The signed-in user with their desks and settings; 401 when the account is gone. */
export async function getSignedInUser(ctx: AppContext, userId: string): Promise<UserWithProfile> {
  const found = await ctx.store.accounts.findUserWithProfile(userId);
  if (!found) throw new AppError("unauthorized", "Sign in first.");
  return found;
}

/** An admin creates a user (the email must be new). */
export async function addUser(ctx: AppContext, input: NewUserInput, actorId: string): Promise<UserWithProfile> {
  const user = await createUser(ctx, input, actorId);
  return withProfile(ctx, user.id);
}

/** True when the change would lock its own author out of administration. */
export function demotesSelf(targetId: string, actorId: string, patch: UserAccessPatch): boolean {
  return targetId === actorId && (patch.active === false || (patch.role !== undefined && patch.role !== "admin"));
}

/**
 * An admin changes a user's role or active flag. Admins never deactivate or demote themselves
 * (another admin must), so the desk always keeps the admin who made the change.
 */
export async function changeUserAccess(ctx: AppContext, targetId: string, patch: UserAccessPatch, actorId: string): Promise<UserWithProfile> {
  if (demotesSelf(targetId, actorId, patch)) throw new AppError("forbidden", "You cannot deactivate or demote yourself; ask another admin.");
  const user = await updateUserAccess(ctx, targetId, patch, actorId);
  return withProfile(ctx, user.id);
}

/** An admin ends every session of a user (404 when there is no such user); returns how many ended. */
export async function revokeSessionsOfUser(ctx: AppContext, targetId: string, actorId: string): Promise<number> {
  if (!(await ctx.store.accounts.findUserById(targetId))) throw new AppError("not_found", "No such user.");
  return revokeUserSessions(ctx, targetId, actorId);
}

/** Changes the caller's own alert settings; returns them all. */
export async function updateUserSettings(ctx: AppContext, userId: string, patch: UserSettingsPatch): Promise<UserSettings> {
  return ctx.store.userData.updateSettings(userId, patch, new Date().toISOString());
}
