import { LoginInputSchema, PasswordChangeInputSchema } from "../../contract/auth";
import { changePassword, login, logout } from "../../auth/service";
import { sessionCookie } from "../../auth/session-token";
import { presentUser } from "../../users/presenter";
import { getSignedInUser } from "../../users/service";
import { requireUser, type Route } from "../route";

/** Sign-in, sign-out, the current user and password change. */
export const authRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/auth/login",
    access: "public",
    handler: async ({ ctx, json, address, isSecure }) => {
      const input = await json(LoginInputSchema, 8 * 1024);
      const { user, secret, maxAgeSeconds } = await login(ctx, input, address);
      return { status: 200, body: presentUser(user), headers: { "set-cookie": sessionCookie(secret, { secure: isSecure, maxAgeSeconds }) } };
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
    handler: async ({ ctx, actor }) => ({ status: 200, body: { ...presentUser(await getSignedInUser(ctx, requireUser(actor).userId)), timeZone: ctx.env.WIREDESK_TIME_ZONE } }),
  },
  {
    method: "POST",
    path: "/api/auth/password",
    access: "viewer",
    handler: async ({ ctx, actor, json }) => {
      const user = requireUser(actor);
      await changePassword(ctx, user.userId, await json(PasswordChangeInputSchema, 8 * 1024), user.sessionHash);
      return { status: 204 };
    },
  },
];
