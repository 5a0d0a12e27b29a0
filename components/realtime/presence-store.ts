import type { PresenceViewer } from "@/server/contract/presence";

type Listener = () => void;
const NOBODY: readonly PresenceViewer[] = [];

/**
 * Who is on which story, as the server last said. Rows subscribe to their own story only,
 * so a presence change re-renders one line, not the queue.
 */
export class PresenceStore {
  private viewers = new Map<string, readonly PresenceViewer[]>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private selfId: string | null = null;

  /** The signed-in user: the desk shows who else is on a story, not yourself. */
  setSelf(userId: string): void {
    this.selfId = userId;
  }

  /** The people on a story (a stable empty array when nobody is). */
  get(storyId: string): readonly PresenceViewer[] {
    return this.viewers.get(storyId) ?? NOBODY;
  }

  /** Calls `listener` whenever the viewers of `storyId` change; returns the unsubscribe. */
  subscribe(storyId: string, listener: Listener): () => void {
    let set = this.listeners.get(storyId);
    if (!set) {
      set = new Set();
      this.listeners.set(storyId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(storyId);
    };
  }

  /** One story's complete viewer list changed. */
  set(storyId: string, all: readonly PresenceViewer[]): void {
    const viewers = this.others(all);
    if (viewers.length === 0) this.viewers.delete(storyId);
    else this.viewers.set(storyId, viewers);
    this.notify(storyId);
  }

  /** The complete picture (on connect); `{}` clears it (on disconnect). */
  replaceAll(stories: Readonly<Record<string, readonly PresenceViewer[]>>): void {
    const changed = new Set([...this.viewers.keys(), ...Object.keys(stories)]);
    this.viewers = new Map(
      Object.entries(stories)
        .map(([id, v]) => [id, this.others(v)] as const)
        .filter(([, v]) => v.length > 0),
    );
    for (const id of changed) this.notify(id);
  }

  private others(viewers: readonly PresenceViewer[]): readonly PresenceViewer[] {
    return this.selfId === null ? viewers : viewers.filter((v) => v.userId !== this.selfId);
  }

  private notify(storyId: string): void {
    for (const listener of this.listeners.get(storyId) ?? []) listener();
  }
}
