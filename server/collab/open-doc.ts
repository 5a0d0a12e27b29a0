import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";

/** One socket in a story's document: who it is, whether it may write, and its awareness clients. */
export interface DocMember {
  userId: string;
  canEdit: boolean;
  clients: Set<number>;
}

/**
 * A story's shared document while someone has it open: the Y.Doc, the awareness of its room
 * (carets, names), its members by socket id, and the bookkeeping of compaction and write-back.
 */
export class OpenDoc {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly members = new Map<string, DocMember>();
  /** The id of the last stored update the document contains (compaction deletes up to it). */
  lastUpdateId = 0;
  updatesSinceCompaction = 0;
  /** Who changed the text since the last desk version. */
  readonly contributors = new Set<string>();
  /** When the first change since the last desk version was made (null: none since). */
  editingSince: number | null = null;
  lastEditorId: string | null = null;
  /** The story's workflow state: read as the document loads, then from story events (the newest by seq). */
  state: string | null = null;
  /** The change-log seq of the story as `state` was heard (an older event does not undo a newer state). */
  stateSeq = 0;
  /** A return to in_progress that a change started and that has not finished (one at a time). */
  reopening: Promise<void> | null = null;

  readonly storyId: string;

  constructor(storyId: string) {
    this.storyId = storyId;
    this.awareness = new Awareness(this.doc);
    // The server has no caret of its own.
    this.awareness.setLocalState(null);
  }

  /**
   * Applies an update; answers whether it may have changed the document. Only an update of nothing but
   * deletions the document already holds changes nothing for certain (every editor's join sends the
   * document's whole delete set back along with whatever it typed offline); it is classified before it
   * is applied, and anything else (new or pending items, a deletion of anything not yet deleted or not
   * yet received) counts as a change, to be stored. `decoded`: the update already decoded (the hub
   * decodes every keystroke once, to refuse what is not an update).
   */
  apply(update: Uint8Array, origin: unknown, decoded: ReturnType<typeof Y.decodeUpdate> = Y.decodeUpdate(update)): boolean {
    const changes = !onlyKnownDeletions(this.doc.store, decoded);
    Y.applyUpdate(this.doc, update, origin);
    return changes;
  }

  /** Notes a change of the text by `userId` (credited in the next desk version). */
  noteContribution(userId: string, now: number): void {
    this.contributors.add(userId);
    this.editingSince ??= now;
  }

  /** Forgets the contributions a kept version credited; returns them. */
  takeContributions(credited: readonly string[] = [...this.contributors]): string[] {
    for (const userId of credited) this.contributors.delete(userId);
    if (this.contributors.size === 0) this.editingSince = null;
    return [...credited];
  }

  /** Takes the awareness clients an update added or changed as belonging to `socketId`. */
  trackClients(socketId: string, changed: { added: number[]; updated: number[]; removed: number[] }): void {
    const member = this.members.get(socketId);
    if (!member) return;
    for (const id of [...changed.added, ...changed.updated]) member.clients.add(id);
    for (const id of changed.removed) member.clients.delete(id);
  }

  /** Removes a socket and its carets; returns the awareness update that says so (null: none). */
  removeMember(socketId: string): Uint8Array | null {
    const member = this.members.get(socketId);
    this.members.delete(socketId);
    const clients = [...(member?.clients ?? [])].filter((id) => this.awareness.getStates().has(id));
    if (clients.length === 0) return null;
    removeAwarenessStates(this.awareness, clients, "server");
    return encodeAwarenessUpdate(this.awareness, clients);
  }

  /** The awareness of everyone in the room, for a socket that joins (null: nobody). */
  awarenessSnapshot(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  /** Stops the awareness timer and frees the document. */
  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** True when the update has no items and every range it deletes is in the store and deleted already. */
function onlyKnownDeletions(store: Y.Doc["store"], { structs, ds }: { structs: readonly unknown[]; ds: { clients: Map<number, { clock: number; len: number }[]> } }): boolean {
  if (structs.length > 0) return false;
  for (const [client, ranges] of ds.clients) {
    const items = store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (!items || Y.getState(store, client) < clock + len) return false;
      for (let i = Y.findIndexSS(items, clock); i < items.length && items[i]!.id.clock < clock + len; i++) {
        const item = items[i]!;
        if (item instanceof Y.Item && !item.deleted) return false;
      }
    }
  }
  return true;
}
