import type { Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData, StoryUpsertedEvent } from "../contract/events";
import { presentStorySummary } from "../stories/presenter";
import type { StorySummaryRecord } from "../storage/store";

/** The one way a changed story is told to clients, live or replayed: `story:upserted` with its seq and queue view, in order. */
export function storyUpsertedEvents(changed: readonly { seq: number; story: StorySummaryRecord }[]): StoryUpsertedEvent[] {
  return changed.map(({ seq, story }) => ({ seq, story: presentStorySummary(story) }));
}

/** Replays changed stories to one socket (catch-up); live changes go to the desk room through PacedBroadcast. */
export function emitStoriesUpserted(socket: Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>, changed: readonly { seq: number; story: StorySummaryRecord }[]): void {
  for (const event of storyUpsertedEvents(changed)) socket.emit("story:upserted", event);
}
