import { z } from "zod";

/** Roles, each allowed everything the one before it may do. */
export const ROLES = ["viewer", "editor", "chief", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Per-user alert settings for FLASH and BULLETIN stories. */
export const UserSettingsSchema = z.object({
  sound: z.boolean(),
  desktopNotifications: z.boolean(),
});
export type UserSettings = z.infer<typeof UserSettingsSchema>;

/** `PATCH /api/auth/settings`: only the given settings change. */
export const UserSettingsPatchSchema = UserSettingsSchema.partial().strict();
export type UserSettingsPatch = z.infer<typeof UserSettingsPatchSchema>;

/** A user as the browser sees them. */
export const UserDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  /** The desks the user belongs to (the queue opens on them). */
  deskIds: z.array(z.string()),
  settings: UserSettingsSchema,
  /** The desk's time zone (`WIREDESK_TIME_ZONE`), in `GET /api/auth/me` only: the desk shows clock times in it. */
  timeZone: z.string().optional(),
});
export type UserDto = z.infer<typeof UserDtoSchema>;

export const LoginInputSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const PasswordChangeInputSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(10, "use at least 10 characters").max(1024),
});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInputSchema>;

/** True when `role` carries at least the rights of `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
