import type { AppContext } from "../app-context";
import { AppError } from "../errors";
import type { Limiter } from "../limits/limiter";

const limiters = new WeakMap<AppContext, Limiter>();

/**
 * Per-address limit on the public outputs (pages, feeds, published API): WIREDESK_PUBLIC_RATE_LIMIT
 * requests per second (at least 50), so reader traffic never crowds out the desk. The limiter comes from
 * the context's limit store, like the sign-in and handshake limits, so several nodes can share the counts.
 */
export async function checkPublicLimit(ctx: AppContext, address: string): Promise<void> {
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = ctx.limiters({ name: "public-reads", points: ctx.env.WIREDESK_PUBLIC_RATE_LIMIT, durationSeconds: 1 });
    limiters.set(ctx, limiter);
  }
  const reservation = await limiter.reserve(address || "unknown");
  if (!reservation.ok) throw new AppError("rate_limited", `Too many requests from your address. Try again in ${reservation.retryAfterSeconds} s.`);
}
