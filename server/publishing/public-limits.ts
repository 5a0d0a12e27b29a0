import type { AppContext } from "../app-context";
import { AppError } from "../errors";
import type { Limiter } from "../limits/limiter";
import { Pacer } from "../limits/pacer";

const limiters = new WeakMap<AppContext, { perAddress: Limiter; node: Pacer }>();

/**
 * Limits on the public outputs (pages, feeds, published API), so reader traffic never crowds out the desk:
 * - per address, WIREDESK_PUBLIC_RATE_LIMIT requests a second (at least 50), from the context's limit store
 *   like the sign-in and handshake limits, so several nodes can share the counts (429);
 * - per node, WIREDESK_PUBLIC_NODE_RATE requests a second in all, paced evenly: a request past the pace
 *   waits its turn (up to a second's worth wait), past that it gets 503. This one guards the node's own
 *   CPU, so it is the node's own. Public answers carry Cache-Control for a CDN to take the reader load.
 */
export async function checkPublicLimit(ctx: AppContext, address: string): Promise<void> {
  let limits = limiters.get(ctx);
  if (!limits) {
    const rate = ctx.env.WIREDESK_PUBLIC_NODE_RATE;
    limits = {
      perAddress: ctx.limiters({ name: "public-reads", points: ctx.env.WIREDESK_PUBLIC_RATE_LIMIT, durationSeconds: 1 }),
      node: new Pacer({ perSecond: rate, burst: Math.ceil(rate / 100), maxWaiting: rate }),
    };
    limiters.set(ctx, limits);
  }
  const reservation = await limits.perAddress.reserve(address || "unknown");
  if (!reservation.ok) {
    ctx.metrics.publicRefused("rate_limited");
    throw new AppError("rate_limited", `Too many requests from your address. Try again in ${reservation.retryAfterSeconds} s.`, { retryAfterSeconds: reservation.retryAfterSeconds });
  }
  if (!(await limits.node.acquire())) {
    ctx.metrics.publicRefused("busy");
    throw new AppError("unavailable", "The site is busy. Try again in a moment.", { retryAfterSeconds: 1 });
  }
}
