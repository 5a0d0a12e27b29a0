import type { UserRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import type { Actor } from "./actor";
import { hashSecret, newSecret } from "./session-token";

/** Opens a session for the user and returns the secret for the cookie. */
export async function openSession(ctx: AppContext, user: UserRecord): Promise<{ secret: string; maxAgeSeconds: number }> {
  const secret = newSecret();
  const now = ctx.now();
  const maxAgeSeconds = ctx.env.WIREDESK_SESSION_TTL_HOURS * 3600;
  await ctx.store.accounts.createSession({
    idHash: hashSecret(secret),
    userId: user.id,
    createdAt: new Date(now).toISOString(),
    lastSeenAt: new Date(now).toISOString(),
    expiresAt: new Date(now + maxAgeSeconds * 1000).toISOString(),
  });
  return { secret, maxAgeSeconds };
}

const TOUCH_EVERY_MS = 60_000;

/** How often a session's last use is written: once a minute, or more often when the idle timeout is short. */
export function touchEveryMs(ctx: AppContext): number {
  return Math.min(TOUCH_EVERY_MS, (ctx.env.WIREDESK_SESSION_IDLE_MINUTES * 60_000) / 4);
}

/** When a session ends unless it is used again: its lifetime's end or its idle timeout, whichever is first. */
export function sessionEndsAt(ctx: AppContext, session: { expiresAt: string; lastSeenAt: string }): number {
  return Math.min(Date.parse(session.expiresAt), Date.parse(session.lastSeenAt) + ctx.env.WIREDESK_SESSION_IDLE_MINUTES * 60_000);
}

/** Records a use of the session (an HTTP request or a socket event), at most every {@link touchEveryMs}. */
export async function touchSessionIfDue(ctx: AppContext, idHash: string, lastSeenAt: string): Promise<string> {
  const now = ctx.now();
  if (now - Date.parse(lastSeenAt) <= touchEveryMs(ctx)) return lastSeenAt;
  const seen = new Date(now).toISOString();
  await ctx.store.accounts.touchSession(idHash, seen);
  return seen;
}

/** Resolves a session secret to its user, enforcing revocation, expiry, idle timeout and deactivation. */
export async function resolveSession(ctx: AppContext, secret: string | null): Promise<Actor> {
  if (!secret) return { kind: "anonymous" };
  const idHash = hashSecret(secret);
  const found = await ctx.store.accounts.findSession(idHash);
  if (!found) return { kind: "anonymous" };
  const { session, user } = found;
  const now = ctx.now();
  const idleMs = ctx.env.WIREDESK_SESSION_IDLE_MINUTES * 60_000;
  if (session.revokedAt || !user.active || Date.parse(session.expiresAt) <= now || Date.parse(session.lastSeenAt) + idleMs <= now) {
    return { kind: "anonymous" };
  }
  await touchSessionIfDue(ctx, idHash, session.lastSeenAt);
  return { kind: "user", userId: user.id, role: user.role, name: user.name, sessionHash: idHash };
}
