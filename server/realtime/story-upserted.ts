import type { BroadcastOperator, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../contract/events";
import { presentStorySummary } from "../stories/presenter";
import type { StorySummaryRecord } from "../storage/store";

/** Where story changes go: the desk room (live pushes) or one reconnecting socket (catch-up). */
export type StoryEventTarget =
  | BroadcastOperator<ServerToClientEvents, SocketData>
  | Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The one way a changed story reaches clients, live or replayed: `story:upserted` with its seq and queue view, in order. */
export function emitStoriesUpserted(target: StoryEventTarget, changed: readonly { seq: number; story: StorySummaryRecord }[]): void {
  for (const { seq, story } of changed) target.emit("story:upserted", { seq, story: presentStorySummary(story) });
}
