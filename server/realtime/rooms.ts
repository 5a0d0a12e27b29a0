/** Every authenticated editor is in this room; story changes go to it. */
export const DESK_ROOM = "desk:all";

/** The room of one session, so a revoked session's sockets can be cut at once. */
export function sessionRoom(sessionHash: string): string {
  return `session:${sessionHash}`;
}
