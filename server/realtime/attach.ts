import { coalesceWebSocketWrites, writeEventsWhole } from "./coalesce-writes";
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { z } from "zod";
import type { AppContext } from "../app-context";
import { attachCollab } from "../collab/attach-collab";
import type { CollabHub } from "../collab/collab-hub";
import { resolveSession } from "../auth/sessions";
import { readCookie, SESSION_COOKIE } from "../auth/session-token";
import { clientAddress, deskOrigins, isSameOriginRequest } from "../http/origin";
import { catchUp } from "./catch-up";
import { guardEvents } from "./event-access";
import { limitEventRate } from "./event-rate";
import { cutSocketAtSessionEnd } from "./session-expiry";
import { attachPresence } from "./presence";
import { DESK_ROOM, sessionRoom } from "./rooms";
import { startChangeFollower } from "./change-follower";
import { createSocketPublisher, type DeskServer } from "./socket-publisher";
import { startBackpressure } from "./backpressure";

const HandshakeAuthSchema = z.object({ lastSeq: z.number().int().nonnegative().optional() }).loose();

/** Socket handshakes per address: 100 a second sustained, bursts of 500 (a newsroom reconnecting after a restart). */
export const HANDSHAKES_PER_SECOND = 100;
export const HANDSHAKE_BURST = 500;

/** Socket payloads are tiny commands; anything larger is refused by the transport. */
export const SOCKET_MAX_BYTES = 64 * 1024;

/**
 * Attaches Socket.IO to the HTTP server: same origin only, a valid session or no socket,
 * catch-up from the client's last seq, and the publisher wired to the desk room.
 */
export function attachRealtime(httpServer: HttpServer, ctx: AppContext): { io: DeskServer; collab: CollabHub; ready: Promise<void>; close: () => Promise<void> } {
  const handshakes = ctx.limiters({ name: "socket-handshake", points: HANDSHAKE_BURST, durationSeconds: HANDSHAKE_BURST / HANDSHAKES_PER_SECOND });
  const io: DeskServer = new Server(httpServer, {
    serveClient: false,
    // Next owns the other upgrade paths (HMR in development); engine.io must not destroy them.
    destroyUpgrade: false,
    maxHttpBufferSize: SOCKET_MAX_BYTES,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    allowRequest: (req, callback) => {
      if (!isSameOriginRequest(req, deskOrigins(req, ctx.env))) return callback(null, false);
      // Reserved before the session is looked up: a newsroom behind one address may reconnect all at once.
      handshakes
        .reserve(clientAddress(req, ctx.env.WIREDESK_TRUST_PROXY))
        .then((reservation) => callback(null, reservation.ok))
        .catch((error: unknown) => {
          ctx.logger.error({ err: error }, "handshake limit failed");
          callback(null, true);
        });
    },
  });

  coalesceWebSocketWrites(io.engine);
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
  const collab = attachCollab(ctx, io, { compactEvery: ctx.env.WIREDESK_COLLAB_COMPACT_EVERY, versionEveryMs: ctx.env.WIREDESK_COLLAB_VERSION_SECONDS * 1000 });
  ctx.collab = collab.hub;
  // Text acknowledged before a crash but not yet written back reaches the story rows before the server listens.
  const ready = collab.hub.recover().then(
    (count) => void (count > 0 && ctx.logger.info({ count }, "co-edited stories written back after a restart")),
    (error: unknown) => ctx.logger.error({ err: error }, "co-editing recovery failed"),
  );
  io.on("connection", (socket) => {
    // The handshake request is no longer needed; dropping it saves ~4 KB per connection.
    (socket.conn as unknown as { request: unknown }).request = null;
    writeEventsWhole(socket);
    // Every incoming event is rate-limited, then checked against the event access table, before its handler runs.
    socket.use(limitEventRate(socket));
    socket.use(guardEvents(socket));
    cutSocketAtSessionEnd(ctx, socket);
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    void socket.join([DESK_ROOM, sessionRoom(socket.data.sessionHash)]);
    registerPresence(socket);
    collab.register(socket);
    catchUp(ctx, socket, auth.success ? auth.data.lastSeq : undefined).catch((error: unknown) => {
      ctx.logger.error({ err: error }, "catch-up failed");
      socket.disconnect(true);
    });
  });

  ctx.publisher.attach(createSocketPublisher(io, (seconds) => ctx.metrics.fannedOut(seconds)));
  ctx.metrics.provide("wiredesk_connected_sockets", () => io.of("/").sockets.size);
  // Changes committed by other processes on the same database (the ingest CLI) reach the desks too.
  const follower = startChangeFollower(ctx);
  const backpressure = startBackpressure(ctx, io);
  return {
    io,
    collab: collab.hub,
    ready,
    close: async () => {
      await follower.stop();
      backpressure.stop();
      await collab.hub.close();
      ctx.publisher.attach(null);
      // No disconnect packet: the transports just close, so every desk sees the server go away
      // (not a logout) and reconnects with backoff, catching up by seq when it is back.
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}
