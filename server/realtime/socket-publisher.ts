import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../contract/events";
import { presentStorySummary } from "../stories/presenter";
import type { StorySummaryRecord } from "../storage/store";
import type { Publisher } from "./publisher";
import { DESK_ROOM, sessionRoom } from "./rooms";

export type DeskServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Publishes committed changes over Socket.IO. */
export function createSocketPublisher(io: DeskServer): Publisher {
  return {
    storiesChanged(changed: readonly { seq: number; story: StorySummaryRecord }[]) {
      for (const { seq, story } of changed) io.to(DESK_ROOM).emit("story:upserted", { seq, story: presentStorySummary(story) });
    },
    sessionsRevoked(sessionHashes: readonly string[], reason: string) {
      for (const hash of sessionHashes) {
        io.to(sessionRoom(hash)).emit("session:revoked", { reason });
        io.in(sessionRoom(hash)).disconnectSockets(true);
      }
    },
  };
}
