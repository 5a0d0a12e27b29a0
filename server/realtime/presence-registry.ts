import type { PresenceMode, PresenceViewer } from "../contract/presence";

/** Who a socket belongs to, as the desk shows them. */
export interface PresencePerson {
  userId: string;
  name: string;
  initials: string;
}

interface Entry extends PresencePerson {
  storyId: string;
  mode: PresenceMode;
}

/**
 * Which socket is on which story, in memory (one process). Every change returns the stories whose
 * viewer list actually changed, so only real changes are broadcast.
 */
export class PresenceRegistry {
  private readonly bySocket = new Map<string, Entry>();
  private readonly byStory = new Map<string, Set<string>>();

  /** The people on a story, one entry per user (editing wins over viewing), by name. */
  viewers(storyId: string): PresenceViewer[] {
    const byUser = new Map<string, PresenceViewer>();
    for (const socketId of this.byStory.get(storyId) ?? []) {
      const e = this.bySocket.get(socketId);
      if (!e) continue;
      const seen = byUser.get(e.userId);
      if (!seen || (seen.mode === "viewing" && e.mode === "editing")) byUser.set(e.userId, { userId: e.userId, name: e.name, initials: e.initials, mode: e.mode });
    }
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  }

  /** Every story someone is on, with its viewers. */
  snapshot(): Record<string, PresenceViewer[]> {
    return Object.fromEntries([...this.byStory.keys()].map((id) => [id, this.viewers(id)]));
  }

  /** Puts a socket on a story (or on none); returns the stories whose viewers changed. */
  set(socketId: string, person: PresencePerson, storyId: string | null, mode: PresenceMode): string[] {
    const previous = this.bySocket.get(socketId);
    const touched = [...new Set([previous?.storyId, storyId].filter((id): id is string => typeof id === "string"))];
    const before = touched.map((id) => JSON.stringify(this.viewers(id)));
    this.detach(socketId);
    if (storyId !== null) {
      this.bySocket.set(socketId, { ...person, storyId, mode });
      const sockets = this.byStory.get(storyId) ?? new Set<string>();
      sockets.add(socketId);
      this.byStory.set(storyId, sockets);
    }
    return touched.filter((id, i) => JSON.stringify(this.viewers(id)) !== before[i]);
  }

  /** Forgets a socket (disconnect); returns the stories whose viewers changed. */
  remove(socketId: string): string[] {
    const previous = this.bySocket.get(socketId);
    if (!previous) return [];
    const before = JSON.stringify(this.viewers(previous.storyId));
    this.detach(socketId);
    return JSON.stringify(this.viewers(previous.storyId)) === before ? [] : [previous.storyId];
  }

  private detach(socketId: string): void {
    const entry = this.bySocket.get(socketId);
    if (!entry) return;
    this.bySocket.delete(socketId);
    const sockets = this.byStory.get(entry.storyId);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.byStory.delete(entry.storyId);
  }
}
