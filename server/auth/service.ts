import { randomBytes } from "node:crypto";
import type { UserRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import type { LoginInput, PasswordChangeInput, Role } from "../contract/auth";
import { AppError } from "../errors";
import { getDummyHash, hashPassword, verifyPassword } from "./password";
import { openSession } from "./sessions";

const BAD_LOGIN = "Email or password is not right.";

/** Checks credentials (rate-limited per account and per address) and opens a session. */
export async function login(ctx: AppContext, input: LoginInput, address: string): Promise<{ user: UserRecord; secret: string; maxAgeSeconds: number }> {
  const email = input.email.toLowerCase();
  const { perAccount, perAddress } = ctx.loginLimits;
  const wait = Math.max(perAccount.retryAfterSeconds(email), perAddress.retryAfterSeconds(address));
  if (wait > 0) throw new AppError("rate_limited", `Too many failed logins. Try again in ${wait} seconds.`);
  const user = await ctx.store.accounts.findUserByEmail(email);
  // Always run the KDF, so an unknown email takes as long as a wrong password.
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !isValid || !user.active) {
    perAccount.fail(email);
    perAddress.fail(address);
    await ctx.store.accounts.appendAudit({ actorId: user?.id ?? null, action: "login_failed", subject: email, detail: { address } });
    throw new AppError("unauthorized", BAD_LOGIN);
  }
  perAccount.reset(email);
  const session = await openSession(ctx, user);
  await ctx.store.accounts.appendAudit({ actorId: user.id, action: "login", subject: user.id, detail: { address } });
  return { user, ...session };
}

/** Revokes the current session. */
export async function logout(ctx: AppContext, sessionHash: string, userId: string): Promise<void> {
  await ctx.store.accounts.revokeSession(sessionHash, new Date().toISOString());
  ctx.publisher.sessionsRevoked([sessionHash], "logged_out");
  await ctx.store.accounts.appendAudit({ actorId: userId, action: "logout", subject: userId });
}

/** Changes the caller's own password after checking the current one. */
export async function changePassword(ctx: AppContext, userId: string, input: PasswordChangeInput): Promise<void> {
  const user = await ctx.store.accounts.findUserById(userId);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("forbidden", "The current password is not right.");
  }
  await ctx.store.accounts.updateUser(userId, { passwordHash: await hashPassword(input.newPassword) });
  await ctx.store.accounts.appendAudit({ actorId: userId, action: "password_changed", subject: userId });
}

/** Creates a user; the email must be new. */
export async function createUser(
  ctx: AppContext,
  input: { email: string; name: string; role: Role; password: string },
  actorId: string | null,
): Promise<UserRecord> {
  const email = input.email.trim().toLowerCase();
  if (await ctx.store.accounts.findUserByEmail(email)) throw new AppError("conflict", `A user with email ${email} already exists.`);
  const user = await ctx.store.accounts.createUser({
    id: randomBytes(12).toString("hex"),
    email,
    name: input.name.trim(),
    role: input.role,
    passwordHash: await hashPassword(input.password),
    active: true,
  });
  await ctx.store.accounts.appendAudit({ actorId, action: "user_created", subject: user.id, detail: { role: user.role } });
  return user;
}

/** Changes a user's role or active flag (admin only); deactivation ends their sessions and sockets at once. */
export async function updateUserAccess(ctx: AppContext, userId: string, patch: { role?: Role; active?: boolean }, actorId: string): Promise<UserRecord> {
  const before = await ctx.store.accounts.findUserById(userId);
  if (!before) throw new AppError("not_found", "No such user.");
  const user = await ctx.store.accounts.updateUser(userId, patch);
  if (!user) throw new AppError("not_found", "No such user.");
  if (patch.role && patch.role !== before.role) {
    await ctx.store.accounts.appendAudit({ actorId, action: "role_changed", subject: userId, detail: { from: before.role, to: patch.role } });
  }
  if (patch.active === false || (patch.role && patch.role !== before.role)) await revokeUserSessions(ctx, userId, actorId);
  if (patch.active !== undefined && patch.active !== before.active) {
    await ctx.store.accounts.appendAudit({ actorId, action: patch.active ? "user_activated" : "user_deactivated", subject: userId });
  }
  return user;
}

/** Ends every session of a user and disconnects their open sockets. */
export async function revokeUserSessions(ctx: AppContext, userId: string, actorId: string): Promise<number> {
  const hashes = await ctx.store.accounts.revokeUserSessions(userId, new Date().toISOString());
  ctx.publisher.sessionsRevoked(hashes, "revoked");
  await ctx.store.accounts.appendAudit({ actorId, action: "sessions_revoked", subject: userId, detail: { count: hashes.length } });
  return hashes.length;
}
