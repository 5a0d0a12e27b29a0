import type { Socket } from "socket.io";
import type { AppContext } from "../app-context";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../contract/events";
import { emitStoriesUpserted } from "./story-upserted";

/** The most changes a reconnecting client is replayed; further behind, it refetches. */
export const MAX_REPLAY = 5000;

type DeskSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Sends a (re)connecting client every story that changed after `lastSeq`, once each at its latest
 * state, in seq order, then `sync:completed`; a client behind the change log's floor (pruned by
 * retention) or too far behind gets `sync:stale` and refetches. Call it after the socket joined the desk room, so a
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
  // Retention pruned the log below the floor (and may have removed copy with it): only a refetch is exact.
  if (lastSeq < (await ctx.store.housekeeping.changeLogFloor()) - 1) {
    socket.emit("sync:stale", { seq: current, reason: "too_far_behind" });
    return;
  }
  const changed = await ctx.store.stories.listChangedSince(lastSeq, MAX_REPLAY + 1);
  if (changed.length > MAX_REPLAY) {
    socket.emit("sync:stale", { seq: current, reason: "too_far_behind" });
    return;
  }
  emitStoriesUpserted(socket, changed);
  const last = changed[changed.length - 1]?.seq ?? lastSeq;
  socket.emit("sync:completed", { seq: Math.max(last, current), replayed: changed.length });
}
