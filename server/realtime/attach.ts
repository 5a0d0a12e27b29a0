import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { z } from "zod";
import type { AppContext } from "../app-context";
import { resolveSession } from "../auth/sessions";
import { readCookie, SESSION_COOKIE } from "../auth/session-token";
import { isSameOriginRequest, requestOrigin } from "../http/origin";
import { catchUp } from "./catch-up";
import { guardEvents } from "./event-access";
import { cutSocketAtSessionEnd } from "./session-expiry";
import { attachPresence } from "./presence";
import { DESK_ROOM, sessionRoom } from "./rooms";
import { startChangeFollower } from "./change-follower";
import { createSocketPublisher, type DeskServer } from "./socket-publisher";

const HandshakeAuthSchema = z.object({ lastSeq: z.number().int().nonnegative().optional() }).loose();

/** Socket payloads are tiny commands; anything larger is refused by the transport. */
export const SOCKET_MAX_BYTES = 64 * 1024;

/**
 * Attaches Socket.IO to the HTTP server: same origin only, a valid session or no socket,
 * catch-up from the client's last seq, and the publisher wired to the desk room.
 */
export function attachRealtime(httpServer: HttpServer, ctx: AppContext): { io: DeskServer; close: () => Promise<void> } {
  const io: DeskServer = new Server(httpServer, {
    serveClient: false,
    // Next owns the other upgrade paths (HMR in development); engine.io must not destroy them.
    destroyUpgrade: false,
    maxHttpBufferSize: SOCKET_MAX_BYTES,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    allowRequest: (req, callback) => {
      const own = [requestOrigin(req, ctx.env.WIREDESK_TRUST_PROXY), ...(ctx.env.WIREDESK_PUBLIC_URL ? [new URL(ctx.env.WIREDESK_PUBLIC_URL).origin] : [])];
      callback(null, isSameOriginRequest(req, own));
    },
  });

  // Engine.IO answers its own HTTP requests (long-polling); they get the same no-sniffing rule as every answer.
  io.engine.on("headers", (headers: Record<string, string>) => {
    headers["X-Content-Type-Options"] = "nosniff";
  });

  io.use((socket, next) => {
    resolveSession(ctx, readCookie(socket.handshake.headers.cookie, SESSION_COOKIE))
      .then((actor) => {
        if (actor.kind !== "user") return next(new Error("unauthorized"));
        socket.data = { userId: actor.userId, role: actor.role, sessionHash: actor.sessionHash };
        next();
      })
      .catch((error: unknown) => {
        ctx.logger.error({ err: error }, "socket authentication failed");
        next(new Error("unavailable"));
      });
  });

  const registerPresence = attachPresence(ctx, io);
  io.on("connection", (socket) => {
    // The handshake request is no longer needed; dropping it saves ~4 KB per connection.
    (socket.conn as unknown as { request: unknown }).request = null;
    // Every incoming event is checked against the event access table before its handler runs.
    socket.use(guardEvents(socket));
    cutSocketAtSessionEnd(ctx, socket);
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    void socket.join([DESK_ROOM, sessionRoom(socket.data.sessionHash)]);
    registerPresence(socket);
    catchUp(ctx, socket, auth.success ? auth.data.lastSeq : undefined).catch((error: unknown) => {
      ctx.logger.error({ err: error }, "catch-up failed");
      socket.disconnect(true);
    });
  });

  ctx.publisher.attach(createSocketPublisher(io));
  // Changes committed by other processes on the same database (the ingest CLI) reach the desks too.
  const follower = startChangeFollower(ctx);
  return {
    io,
    close: async () => {
      await follower.stop();
      ctx.publisher.attach(null);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}
