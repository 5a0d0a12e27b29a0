import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { AppContext } from "../app-context";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { resolveSession } from "../auth/sessions";
import { hashSecret, readCookie, SESSION_COOKIE } from "../auth/session-token";

const TOUCH_EVERY_MS = 60_000;

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header?.startsWith("Bearer ")) return null;
  const token = header.slice(7).trim();
  return token.length > 0 && token.length < 512 ? token : null;
}

/** Resolves an ingest token from the environment or the token table. */
async function resolveIngestToken(ctx: AppContext, token: string): Promise<Actor> {
  const hash = hashSecret(token);
  const envToken = ctx.env.WIREDESK_INGEST_TOKEN;
  if (envToken && timingSafeEqual(Buffer.from(hashSecret(envToken)), Buffer.from(hash))) return { kind: "token", tokenId: "env", name: "WIREDESK_INGEST_TOKEN" };
  const stored = await ctx.store.accounts.findIngestToken(hash);
  if (!stored || stored.revokedAt) return { kind: "anonymous" };
  // At most one write a minute per token, however busy the feed.
  const now = ctx.now();
  if (!stored.lastUsedAt || now - Date.parse(stored.lastUsedAt) > TOUCH_EVERY_MS) await ctx.store.accounts.touchIngestToken(stored.id, new Date(now).toISOString());
  return { kind: "token", tokenId: stored.id, name: stored.name };
}

/**
 * Lets a scraper in with `Authorization: Bearer $WIREDESK_METRICS_TOKEN`; throws 404 when no token is
 * configured (the route does not exist then) and 401 for a missing or wrong one.
 */
export function checkMetricsToken(ctx: AppContext, req: IncomingMessage): void {
  const expected = ctx.env.WIREDESK_METRICS_TOKEN;
  if (!expected) throw new AppError("not_found", "Not found.");
  const token = bearer(req);
  if (!token || !timingSafeEqual(Buffer.from(hashSecret(expected)), Buffer.from(hashSecret(token)))) {
    throw new AppError("unauthorized", "The metrics token is missing or wrong: send Authorization: Bearer <WIREDESK_METRICS_TOKEN>.");
  }
}

/** Works out who is calling: by bearer ingest token, or by session cookie. */
export async function authenticate(ctx: AppContext, req: IncomingMessage, mode: "token" | "session"): Promise<Actor> {
  if (mode === "token") {
    const token = bearer(req);
    return token ? resolveIngestToken(ctx, token) : { kind: "anonymous" };
  }
  return resolveSession(ctx, readCookie(req.headers.cookie, SESSION_COOKIE));
}
