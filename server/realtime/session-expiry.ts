import type { Socket } from "socket.io";
import type { AppContext } from "../app-context";
import { sessionEndsAt, touchSessionIfDue } from "../auth/sessions";
import type { SocketData } from "../contract/events";

// setTimeout's longest delay (about 24.8 days); longer waits are re-checked then.
const MAX_DELAY_MS = 2 ** 31 - 1;

type ExpiringSocket = Pick<Socket, "data" | "emit" | "disconnect" | "once" | "use">;

/**
 * Cuts a socket when its session ends by its lifetime or its idle timeout, as HTTP stops accepting
 * the cookie then; every event the socket sends counts as use of the session. When the timer fires
 * the session is read again (another tab may have used it) and the timer set anew, or the socket cut.
 * (Logout, revocation, password changes and deactivation cut sockets at once through the publisher.)
 */
export function cutSocketAtSessionEnd(ctx: AppContext, socket: ExpiringSocket): void {
  const data = socket.data as SocketData;
  let timer: NodeJS.Timeout | null = null;
  let isGone = false;
  socket.once("disconnect", () => {
    isGone = true;
    if (timer) clearTimeout(timer);
  });
  let lastSeenAt: string | null = null;
  socket.use((_event, next) => {
    next();
    if (lastSeenAt === null) return;
    touchSessionIfDue(ctx, data.sessionHash, lastSeenAt)
      .then((seen) => (lastSeenAt = seen))
      .catch((error: unknown) => ctx.logger.error({ err: error }, "session touch failed"));
  });
  const check = () => {
    ctx.store.accounts
      .findSession(data.sessionHash)
      .then((found) => {
        if (isGone) return;
        const endsAt = found && !found.session.revokedAt ? sessionEndsAt(ctx, found.session) : 0;
        const remaining = endsAt - ctx.now();
        if (!found || remaining <= 0) {
          socket.emit("session:revoked", { reason: "expired" });
          socket.disconnect(true);
          return;
        }
        lastSeenAt = found.session.lastSeenAt;
        timer = setTimeout(check, Math.min(remaining + 50, MAX_DELAY_MS));
        timer.unref();
      })
      .catch((error: unknown) => ctx.logger.error({ err: error }, "session expiry lookup failed"));
  };
  check();
}
