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
  if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await ctx.store.accounts.touchSession(idHash, new Date(now).toISOString());
  return { kind: "user", userId: user.id, role: user.role, name: user.name, sessionHash: idHash };
}
