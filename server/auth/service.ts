import { randomBytes } from "node:crypto";
import type { UserRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import type { LoginInput, PasswordChangeInput, Role } from "../contract/auth";
import { AppError } from "../errors";
import type { UserWithProfile } from "../storage/store";
import { getDummyHash, hashPassword, verifyPassword } from "./password";
import { passwordWeakness } from "./password-rule";
import { openSession } from "./sessions";

const BAD_LOGIN = "Email or password is not right.";

/** Refuses (400 naming the field) a password among the weakest; see passwordWeakness. */
function assertPasswordAllowed(password: string, field: string): void {
  const weakness = passwordWeakness(password);
  if (weakness) throw new AppError("bad_request", `${field}: ${weakness}`);
}

function tooMany(seconds: number): AppError {
  return new AppError("rate_limited", `Too many failed logins. Try again in ${seconds} seconds.`, { retryAfterSeconds: seconds });
}

/**
 * Reserves one password check for the email and one for the address before any password is checked,
 * so a burst of parallel attempts gets no more checks than the limits allow.
 */
async function reserveLoginAttempt(ctx: AppContext, email: string, address: string): Promise<void> {
  const { perAccount, perAddress } = ctx.loginLimits;
  const byAddress = await perAddress.reserve(address);
  if (!byAddress.ok) throw tooMany(byAddress.retryAfterSeconds);
  const byAccount = await perAccount.reserve(email);
  if (!byAccount.ok) {
    await perAddress.refund(address); // no password was checked for this request
    throw tooMany(byAccount.retryAfterSeconds);
  }
}

/** Checks credentials (limited per account and per address, reserved before the check) and opens a session; returns the user with desks and settings. */
export async function login(ctx: AppContext, input: LoginInput, address: string): Promise<{ user: UserWithProfile; secret: string; maxAgeSeconds: number }> {
  const email = input.email.toLowerCase();
  await reserveLoginAttempt(ctx, email, address);
  const user = await ctx.store.accounts.findUserByEmail(email);
  // Always run the KDF, so an unknown email takes as long as a wrong password.
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !isValid || !user.active) {
    await ctx.store.accounts.appendAudit({ actorId: user?.id ?? null, action: "login_failed", subject: email, detail: { address } });
    throw new AppError("unauthorized", BAD_LOGIN);
  }
  // Successful sign-ins are not counted: a newsroom behind one address signs in all day.
  await ctx.loginLimits.perAddress.refund(address);
  await ctx.loginLimits.perAccount.reset(email);
  const session = await openSession(ctx, user);
  await ctx.store.accounts.appendAudit({ actorId: user.id, action: "login", subject: user.id, detail: { address } });
  const profiled = await ctx.store.accounts.findUserWithProfile(user.id);
  if (!profiled) throw new AppError("unauthorized", BAD_LOGIN);
  return { user: profiled, ...session };
}

/** Revokes the current session. */
export async function logout(ctx: AppContext, sessionHash: string, userId: string): Promise<void> {
  await ctx.store.accounts.revokeSession(sessionHash, new Date().toISOString());
  ctx.publisher.sessionsRevoked([sessionHash], "logged_out");
  await ctx.store.accounts.appendAudit({ actorId: userId, action: "logout", subject: userId });
}

/**
 * Changes the caller's own password after checking the current one (a check counted like a sign-in),
 * then ends the user's other sessions and cuts their sockets; the session that changed it stays.
 */
export async function changePassword(ctx: AppContext, userId: string, input: PasswordChangeInput, currentSessionHash: string): Promise<void> {
  const user = await ctx.store.accounts.findUserById(userId);
  if (!user) throw new AppError("forbidden", "The current password is not right.");
  // A stolen session must not become a password oracle: the check is reserved on the account's limit.
  const reservation = await ctx.loginLimits.perAccount.reserve(user.email);
  if (!reservation.ok) throw tooMany(reservation.retryAfterSeconds);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("forbidden", "The current password is not right.");
  }
  assertPasswordAllowed(input.newPassword, "newPassword");
  await ctx.loginLimits.perAccount.reset(user.email);
  await ctx.store.accounts.updateUser(userId, { passwordHash: await hashPassword(input.newPassword) });
  const ended = await ctx.store.accounts.revokeUserSessions(userId, new Date(ctx.now()).toISOString(), currentSessionHash);
  ctx.publisher.sessionsRevoked(ended, "password_changed");
  await ctx.store.accounts.appendAudit({ actorId: userId, action: "password_changed", subject: userId, detail: { sessionsEnded: ended.length } });
}

/** Creates a user; the email must be new. */
export async function createUser(
  ctx: AppContext,
  input: { email: string; name: string; role: Role; password: string },
  actorId: string | null,
): Promise<UserRecord> {
  const email = input.email.trim().toLowerCase();
  assertPasswordAllowed(input.password, "password");
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
