import type { AppContext } from "../app-context";
import type { DeskServer } from "./socket-publisher";

/** How often every socket's unread bytes are looked at. */
export const BACKPRESSURE_SWEEP_MS = 100;

/** The engine.io parts a socket's unread bytes sit in (not in Socket.IO's types). */
interface EngineConnection {
  writeBuffer: { data?: unknown }[];
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  close(discard?: boolean): void;
}

function sizeOf(data: unknown): number {
  if (typeof data === "string") return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/**
 * Bytes the server holds for a socket that its client has not taken yet: packets waiting for the
 * transport (engine.io's write buffer) and, over WebSocket, frames the kernel has not accepted.
 */
export function unreadBytes(connection: unknown): number {
  const conn = connection as EngineConnection;
  let bytes = conn.transport.name === "websocket" ? (conn.transport.socket?.bufferedAmount ?? 0) : 0;
  for (const packet of conn.writeBuffer) bytes += sizeOf(packet.data);
  return bytes;
}

/** Drops the connection at once, discarding what it holds (its client reconnects and catches up by seq). */
function cut(connection: unknown): void {
  const conn = connection as EngineConnection;
  const terminate = conn.transport.socket?.terminate;
  if (conn.transport.name === "websocket" && terminate) terminate.call(conn.transport.socket);
  else conn.close(true);
}

/**
 * Keeps a client that stops reading (a stalled network, a frozen tab) from growing the server's
 * memory: every sweep, a socket holding more than WIREDESK_SOCKET_MAX_BUFFER_BYTES unread is cut
 * without a goodbye, so its client sees the connection drop, reconnects with backoff and catches up
 * by seq. Broadcasts are encoded once and never wait for a slow socket, so others are not slowed.
 */
export function startBackpressure(ctx: AppContext, io: DeskServer): { stop: () => void } {
  const limit = ctx.env.WIREDESK_SOCKET_MAX_BUFFER_BYTES;
  let largest = 0;
  const timer = setInterval(() => {
    largest = 0;
    for (const socket of io.of("/").sockets.values()) {
      const bytes = unreadBytes(socket.conn);
      if (bytes > limit) {
        ctx.logger.warn({ socketId: socket.id, userId: socket.data.userId, unreadBytes: bytes }, "slow socket cut: it stopped reading");
        ctx.metrics.slowSocketCut();
        cut(socket.conn);
      } else if (bytes > largest) largest = bytes;
    }
  }, BACKPRESSURE_SWEEP_MS);
  timer.unref();
  ctx.metrics.provide("wiredesk_socket_unread_bytes_max", () => largest);
  return { stop: () => clearInterval(timer) };
}
