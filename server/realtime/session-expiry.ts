import type { Socket } from "socket.io";
import type { AppContext } from "../app-context";
import type { SocketData } from "../contract/events";

// setTimeout's longest delay (about 24.8 days); longer sessions are re-checked then.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Cuts a socket when its session's absolute lifetime ends, as HTTP stops accepting the cookie then.
 * (Logout, revocation and deactivation cut sockets at once through the publisher.)
 */
export function cutSocketAtSessionEnd(ctx: AppContext, socket: Pick<Socket, "data" | "emit" | "disconnect" | "once">): void {
  const data = socket.data as SocketData;
  ctx.store.accounts
    .findSession(data.sessionHash)
    .then((found) => {
      if (!found || !socket.data) return;
      const remaining = Math.max(0, Date.parse(found.session.expiresAt) - ctx.now());
      const timer = setTimeout(() => {
        if (remaining > MAX_DELAY_MS) return cutSocketAtSessionEnd(ctx, socket);
        socket.emit("session:revoked", { reason: "expired" });
        socket.disconnect(true);
      }, Math.min(remaining, MAX_DELAY_MS));
      timer.unref();
      socket.once("disconnect", () => clearTimeout(timer));
    })
    .catch((error: unknown) => ctx.logger.error({ err: error }, "session expiry lookup failed"));
}
