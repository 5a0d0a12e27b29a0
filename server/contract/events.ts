import type { CommandAck, PresenceChangedEvent, PresenceSet, PresenceSnapshotEvent } from "./presence";
import type { StorySummary } from "./story";

/** Every change to a story, pushed to every authenticated editor. */
export interface StoryUpsertedEvent {
  seq: number;
  story: StorySummary;
}

/** Sent after the catch-up on connect: everything up to `seq` has been delivered. */
export interface SyncCompletedEvent {
  seq: number;
  replayed: number;
}

/** The client was away too long (or the server's log was reset): refetch everything. */
export interface SyncStaleEvent {
  seq: number;
  reason: "too_far_behind" | "log_reset";
}

/** Server → client events. Facts, named `entity:pastTense`. */
export interface ServerToClientEvents {
  "story:upserted": (event: StoryUpsertedEvent) => void;
  "sync:completed": (event: SyncCompletedEvent) => void;
  "sync:stale": (event: SyncStaleEvent) => void;
  "session:revoked": (event: { reason: string }) => void;
  "presence:changed": (event: PresenceChangedEvent) => void;
  "presence:snapshot": (event: PresenceSnapshotEvent) => void;
}

/** Client → server commands, named `entity:verb`, each with an ack (writes go over HTTP). */
export interface ClientToServerEvents {
  "presence:set": (payload: PresenceSet, ack: (result: CommandAck) => void) => void;
}

/** What the handshake sends: the last change-log `seq` the client has applied. */
export interface HandshakeAuth {
  lastSeq?: number;
}

/** Per-socket data kept by the server. */
export interface SocketData {
  userId: string;
  role: string;
  sessionHash: string;
}

/** The socket event names, for tables and tests. */
export const SERVER_EVENT_NAMES = ["story:upserted", "sync:completed", "sync:stale", "session:revoked", "presence:changed", "presence:snapshot"] as const;

/** The client command names, for tables and tests. */
export const CLIENT_EVENT_NAMES = ["presence:set"] as const;
