import type { Socket } from "socket.io";
import type { AppContext } from "../app-context";
import { hasRole, RoleSchema } from "../contract/auth";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../contract/events";
import { PresenceSetSchema, type CommandAck } from "../contract/presence";
import { initialsOf } from "../contract/initials";
import { PresenceRegistry, type PresencePerson } from "./presence-registry";
import { DESK_ROOM } from "./rooms";
import type { DeskServer } from "./socket-publisher";

type DeskSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

async function loadPerson(ctx: AppContext, userId: string): Promise<PresencePerson> {
  const user = await ctx.store.accounts.findUserById(userId);
  const name = user?.name ?? "Someone";
  return { userId, name, initials: initialsOf(name) };
}

function canEdit(role: string): boolean {
  const parsed = RoleSchema.safeParse(role);
  return parsed.success && hasRole(parsed.data, "editor");
}

/**
 * Presence over the desk socket: `presence:set` puts a socket on a story (acked), every change of a
 * story's viewers goes to the desk room as `presence:changed` (disconnects included), and each new
 * socket gets a `presence:snapshot`. Returns the per-connection registration.
 */
export function attachPresence(ctx: AppContext, io: DeskServer, registry = new PresenceRegistry()): (socket: DeskSocket) => void {
  const broadcast = (storyIds: string[]) => {
    for (const storyId of storyIds) io.to(DESK_ROOM).emit("presence:changed", { storyId, viewers: registry.viewers(storyId) });
  };
  return (socket) => {
    let person: Promise<PresencePerson> | null = null;
    socket.emit("presence:snapshot", { stories: registry.snapshot() });
    socket.on("presence:set", (payload: unknown, ack?: unknown) => {
      const reply = (result: CommandAck) => (typeof ack === "function" ? (ack as (r: CommandAck) => void)(result) : undefined);
      const parsed = PresenceSetSchema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return reply({ ok: false, error: { code: "bad_request", message: `${issue?.path.join(".") || "payload"}: ${issue?.message ?? "invalid"}` } });
      }
      const { storyId, mode } = parsed.data;
      if (mode === "editing" && !canEdit(socket.data.role)) return reply({ ok: false, error: { code: "forbidden", message: "Editing needs the editor role or higher." } });
      person ??= loadPerson(ctx, socket.data.userId);
      // Only stories that exist: made-up ids would fan out to every desk for nothing.
      const exists = storyId === null ? Promise.resolve(true) : ctx.store.stories.getStory(storyId).then((story) => story !== null);
      // Chained on one promise, so a socket's commands apply in the order they were sent.
      person
        .then(async (who) => {
          if (!(await exists)) return reply({ ok: false, error: { code: "not_found", message: "No story with that id." } });
          if (socket.disconnected) return reply({ ok: false, error: { code: "unavailable", message: "The connection closed." } });
          broadcast(registry.set(socket.id, who, storyId, mode));
          reply({ ok: true });
        })
        .catch((error: unknown) => {
          ctx.logger.error({ err: error }, "presence update failed");
          reply({ ok: false, error: { code: "internal", message: "Something went wrong on the server; it has been logged." } });
        });
    });
    socket.on("disconnect", () => broadcast(registry.remove(socket.id)));
  };
}
