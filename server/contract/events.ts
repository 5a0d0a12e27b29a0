import type {
  CollabAwareness,
  CollabAwarenessChangedEvent,
  CollabJoin,
  CollabJoinAck,
  CollabLeave,
  CollabStateChangedEvent,
  CollabUpdate,
  CollabUpdateAck,
  CollabUpdatedEvent,
} from "./collab";
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

/** Something a chief must act on now (an agency killed a story that is published). */
export interface StoryAlertedEvent {
  storyId: string;
  kind: "agency_kill";
  message: string;
}

/** Server → client events. Facts, named `entity:pastTense`. */
export interface ServerToClientEvents {
  "story:upserted": (event: StoryUpsertedEvent) => void;
  "sync:completed": (event: SyncCompletedEvent) => void;
  "sync:stale": (event: SyncStaleEvent) => void;
  "session:revoked": (event: { reason: string }) => void;
  "presence:changed": (event: PresenceChangedEvent) => void;
  "presence:snapshot": (event: PresenceSnapshotEvent) => void;
  "story:alerted": (event: StoryAlertedEvent) => void;
  "collab:updated": (event: CollabUpdatedEvent) => void;
  "collab:awareness-changed": (event: CollabAwarenessChangedEvent) => void;
  "collab:state-changed": (event: CollabStateChangedEvent) => void;
}

/**
 * Client → server commands, named `entity:verb`, each with an ack. Writes go over HTTP, except the
 * co-edited text: Yjs updates travel as `collab:update`, acknowledged once stored.
 */
export interface ClientToServerEvents {
  "presence:set": (payload: PresenceSet, ack: (result: CommandAck) => void) => void;
  "collab:join": (payload: CollabJoin, ack: (result: CollabJoinAck) => void) => void;
  "collab:update": (payload: CollabUpdate, ack: (result: CollabUpdateAck) => void) => void;
  "collab:awareness": (payload: CollabAwareness, ack: (result: CommandAck) => void) => void;
  "collab:leave": (payload: CollabLeave, ack: (result: CommandAck) => void) => void;
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
export const SERVER_EVENT_NAMES = ["story:upserted", "sync:completed", "sync:stale", "session:revoked", "presence:changed", "presence:snapshot", "story:alerted", "collab:updated", "collab:awareness-changed", "collab:state-changed"] as const;

/** The client command names, for tables and tests. */
export const CLIENT_EVENT_NAMES = ["presence:set", "collab:join", "collab:update", "collab:awareness", "collab:leave"] as const;
