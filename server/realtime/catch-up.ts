import type { Socket } from "socket.io";
import type { AppContext } from "../app-context";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../contract/events";
import { presentStorySummary } from "../stories/presenter";

/** The most changes a reconnecting client is replayed; further behind, it refetches. */
export const MAX_REPLAY = 5000;

type DeskSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Sends a (re)connecting client every story that changed after `lastSeq`, once each at its latest
 * state, in seq order, then `sync:completed`. Call it after the socket joined the desk room, so a
 * change committed during the read reaches the client live or in the replay (the client drops the echo by seq).
 */
export async function catchUp(ctx: AppContext, socket: DeskSocket, lastSeq: number | undefined): Promise<void> {
  const current = await ctx.store.stories.currentSeq();
  if (lastSeq === undefined) {
    socket.emit("sync:completed", { seq: current, replayed: 0 });
    return;
  }
  if (lastSeq > current) {
    socket.emit("sync:stale", { seq: current, reason: "log_reset" });
    return;
  }
  const changed = await ctx.store.stories.listChangedSince(lastSeq, MAX_REPLAY + 1);
  if (changed.length > MAX_REPLAY) {
    socket.emit("sync:stale", { seq: current, reason: "too_far_behind" });
    return;
  }
  for (const { seq, story } of changed) socket.emit("story:upserted", { seq, story: presentStorySummary(story) });
  const last = changed[changed.length - 1]?.seq ?? lastSeq;
  socket.emit("sync:completed", { seq: Math.max(last, current), replayed: changed.length });
}
