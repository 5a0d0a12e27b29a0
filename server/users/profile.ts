import type { AppContext } from "../app-context";
import type { UserSettings, UserSettingsPatch } from "../contract/auth";

/** What the desk knows about a user beyond the account: their desks and alert settings. */
export interface UserProfile {
  deskIds: string[];
  settings: UserSettings;
}

/** Loads a user's desks and settings (for presentUser). */
export async function loadUserProfile(ctx: AppContext, userId: string): Promise<UserProfile> {
  const [deskIds, settings] = await Promise.all([ctx.store.desks.listUserDeskIds(userId), ctx.store.userData.getSettings(userId)]);
  return { deskIds, settings };
}

/** Changes the caller's own alert settings; returns them all. */
export async function updateUserSettings(ctx: AppContext, userId: string, patch: UserSettingsPatch): Promise<UserSettings> {
  return ctx.store.userData.updateSettings(userId, patch, new Date().toISOString());
}
