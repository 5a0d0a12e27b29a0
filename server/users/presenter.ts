import type { UserDto } from "../contract/auth";
import type { UserWithProfile } from "../storage/store";

/** The only way a user row reaches the wire: the account with their desks and settings, never the password hash. */
export function presentUser({ user, deskIds, settings }: UserWithProfile): UserDto {
  return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, deskIds, settings };
}
