import type { Event as SocketPacket, Socket } from "socket.io";
import { hasRole, RoleSchema, type Role } from "../contract/auth";
import type { ClientToServerEvents } from "../contract/events";
import type { ErrorCode } from "../contract/error-codes";

/**
 * Every client → server event with the least role that may send it: the socket half of the
 * authorization matrix. A new event in ClientToServerEvents without a row here does not compile.
 */
export const EVENT_ACCESS: { readonly [E in keyof ClientToServerEvents]: Role } = {
  // Saying which story you are looking at is open to every signed-in user.
  "presence:set": "viewer",
  // A viewer may watch a story being co-edited (join, leave) but never write to it or show a caret.
  "collab:join": "viewer",
  "collab:leave": "viewer",
  "collab:update": "editor",
  "collab:awareness": "editor",
};

/** Why an event is refused, or null when the sender may send it. */
export function checkEventAccess(
  event: string,
  role: string,
  table: Readonly<Record<string, Role>> = EVENT_ACCESS,
): { code: ErrorCode; message: string } | null {
  const required = Object.hasOwn(table, event) ? table[event] : undefined;
  if (!required) return { code: "not_found", message: `Unknown command "${event.slice(0, 60)}".` };
  const parsed = RoleSchema.safeParse(role);
  if (!parsed.success || !hasRole(parsed.data, required)) return { code: "forbidden", message: `This needs the ${required} role or higher.` };
  return null;
}

/**
 * A Socket.IO per-socket middleware (`socket.use`) that checks each incoming event against the
 * table before any handler runs. A refused event never reaches its handler; its ack (if any) gets
 * `{ok: false, error}`.
 */
export function guardEvents(socket: Pick<Socket, "data">, table: Readonly<Record<string, Role>> = EVENT_ACCESS) {
  return (packet: SocketPacket, next: (error?: Error) => void): void => {
    const [event, ...args] = packet as [unknown, ...unknown[]];
    const role = (socket.data as { role?: unknown }).role;
    const refusal = checkEventAccess(typeof event === "string" ? event : "", typeof role === "string" ? role : "", table);
    if (!refusal) return next();
    const ack = args.at(-1);
    if (typeof ack === "function") (ack as (result: unknown) => void)({ ok: false, error: refusal });
  };
}
