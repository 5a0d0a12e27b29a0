import { LoginInputSchema, PasswordChangeInputSchema, type UserDto } from "../../contract/auth";
import type { UserRecord } from "@/db/schema";
import { changePassword, login, logout } from "../../auth/service";
import { sessionCookie } from "../../auth/session-token";
import { AppError } from "../../errors";
import { loadUserProfile, type UserProfile } from "../../users/profile";
import { requireUser, type Route } from "../route";

/** The only way a user row reaches the wire (with their desks and settings, see loadUserProfile). */
export function presentUser(user: UserRecord, profile: UserProfile): UserDto {
  return { id: user.id, email: user.email, name: user.name, role: user.role, active: user.active, deskIds: profile.deskIds, settings: profile.settings };
}

/** Sign-in, sign-out, the current user and password change. */
export const authRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/auth/login",
    access: "public",
    handler: async ({ ctx, json, address, isSecure }) => {
      const input = await json(LoginInputSchema, 8 * 1024);
      const { user, secret, maxAgeSeconds } = await login(ctx, input, address);
      return { status: 200, body: presentUser(user, await loadUserProfile(ctx, user.id)), headers: { "set-cookie": sessionCookie(secret, { secure: isSecure, maxAgeSeconds }) } };
    },
  },
  {
    method: "POST",
    path: "/api/auth/logout",
    access: "viewer",
    handler: async ({ ctx, actor, isSecure }) => {
      const user = requireUser(actor);
      await logout(ctx, user.sessionHash, user.userId);
      return { status: 204, headers: { "set-cookie": sessionCookie("", { secure: isSecure, maxAgeSeconds: 0 }) } };
    },
  },
  {
    method: "GET",
    path: "/api/auth/me",
    access: "viewer",
    handler: async ({ ctx, actor }) => {
      const user = await ctx.store.accounts.findUserById(requireUser(actor).userId);
      if (!user) throw new AppError("unauthorized", "Sign in first.");
      return { status: 200, body: presentUser(user, await loadUserProfile(ctx, user.id)) };
    },
  },
  {
    method: "POST",
    path: "/api/auth/password",
    access: "viewer",
    handler: async ({ ctx, actor, json }) => {
      await changePassword(ctx, requireUser(actor).userId, await json(PasswordChangeInputSchema, 8 * 1024));
      return { status: 204 };
    },
  },
];
