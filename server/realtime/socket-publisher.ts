import { hasRole, type Role } from "../contract/auth";
import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../contract/events";
import type { StorySummaryRecord } from "../storage/store";
import type { Publisher } from "./publisher";
import { DESK_ROOM, sessionRoom } from "./rooms";
import { PacedBroadcast } from "./paced-broadcast";
import { storyUpsertedEvents } from "./story-upserted";

export type DeskServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Publishes committed changes over Socket.IO; `fannedOut` hears how long each pass of story events took to reach every desk. */
export function createSocketPublisher(io: DeskServer, fannedOut: (seconds: number) => void = () => undefined): Publisher {
  const desks = new PacedBroadcast(io, DESK_ROOM, { fannedOut });
  return {
    storiesChanged(changed: readonly { seq: number; story: StorySummaryRecord }[]) {
      desks.send(storyUpsertedEvents(changed));
    },
    sessionsRevoked(sessionHashes: readonly string[], reason: string) {
      for (const hash of sessionHashes) {
        io.to(sessionRoom(hash)).emit("session:revoked", { reason });
        io.in(sessionRoom(hash)).disconnectSockets(true);
      }
    },
    storyAlerted(event) {
      // After the story events already queued (the kill's own among them), so a chief's desk shows the
      // killed story by the time the alert about it arrives.
      desks.afterSent(() => {
        void io
          .in(DESK_ROOM)
          .fetchSockets()
          .then((sockets) => {
            for (const socket of sockets) if (hasRole(socket.data.role as Role, "chief")) socket.emit("story:alerted", event);
          });
      });
    },
  };
}
