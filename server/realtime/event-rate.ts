import type { Event as SocketPacket, Socket } from "socket.io";
import { TokenBucket } from "../limits/token-bucket";

/** Incoming events a socket may send: 100 a second sustained, bursts of 300. */
export const SOCKET_EVENTS_PER_SECOND = 100;
export const SOCKET_EVENT_BURST = 300;
/** Refused events a socket may send before it is disconnected: 500 at once, 50 a second sustained. */
const PATIENCE = 500;
const PATIENCE_PER_SECOND = 50;

/** Co-editing updates are never refused (they are batched by their own handler instead). */
export function isExemptEvent(event: string): boolean {
  return event.startsWith("collab:");
}

/**
 * A per-socket middleware (`socket.use`) that rate-limits incoming events with a token bucket.
 * Past it an event is refused (its ack gets `rate_limited`); a socket that keeps sending refused
 * events is disconnected. Events whose name starts with `collab:` are exempt.
 */
export function limitEventRate(socket: Pick<Socket, "disconnect">, now: () => number = Date.now) {
  const events = new TokenBucket(SOCKET_EVENT_BURST, SOCKET_EVENTS_PER_SECOND, now);
  const patience = new TokenBucket(PATIENCE, PATIENCE_PER_SECOND, now);
  return (packet: SocketPacket, next: (error?: Error) => void): void => {
    const [event, ...args] = packet as [unknown, ...unknown[]];
    if ((typeof event === "string" && isExemptEvent(event)) || events.take()) return next();
    const ack = args.at(-1);
    if (typeof ack === "function") {
      (ack as (result: unknown) => void)({ ok: false, error: { code: "rate_limited", message: `Too many events: at most ${SOCKET_EVENTS_PER_SECOND} a second.` } });
    }
    if (!patience.take()) socket.disconnect(true);
  };
}
