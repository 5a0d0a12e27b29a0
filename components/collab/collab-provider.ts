import type { Socket } from "socket.io-client";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { COLLAB_CHUNK_BYTES, DEFAULT_FIELD_LIMITS, splitUpdate, type CollabJoinAck, type CollabLimits, type CollabUpdateAck } from "@/server/contract/collab";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/contract/events";

type DeskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where the shared document stands with the server. */
export type CollabStatus = "joining" | "synced" | "offline" | "refused";

const bytes = (value: Uint8Array | ArrayBuffer) => (value instanceof Uint8Array ? value : new Uint8Array(value));
/** An update that changes nothing (no structs, empty delete set). */
const isEmptyUpdate = (update: Uint8Array) => update.byteLength <= 2;
/** How soon after a change of this editor's caret its latest state goes out once more. */
const AWARENESS_RESEND_MS = 250;

/**
 * A story's shared document over the desk's Socket.IO connection. On every (re)connect it runs the
 * Yjs sync: its state vector out, the server's missing diff in, then its own diff against the
 * server's state vector out. Local updates go out at once, each acknowledged once stored; updates
 * above the chunk size go in chunks. While offline the document keeps working and the next sync
 * merges it. Awareness (carets, names) is sent volatile, and always its latest state (see `sendAwareness`).
 */
export class CollabProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  status: CollabStatus = "joining";
  /** True once the first sync finished: the document holds the story (editors bind to it only then). */
  hasSynced = false;
  canEdit = false;
  limits: CollabLimits = { ...DEFAULT_FIELD_LIMITS };
  storyState = "";
  /** What went wrong (a refusal, an update not stored): said at once, as an alert. */
  error: string | null = null;
  /** What happened to the story (handed on, returned to in progress): said politely, once. */
  notice: string | null = null;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private listeners = new Set<() => void>();
  private chunkCount = 0;
  /** Bumped at every sync: acknowledgements of an earlier connection no longer count. */
  private generation = 0;
  private destroyed = false;
  /** This editor's awareness changed since it last went out. */
  private awarenessPending = false;
  private awarenessResend: ReturnType<typeof setTimeout> | null = null;
  /** The connection whose next drain sends the pending awareness (a reconnect brings a new one). */
  private drainingEngine: DeskSocket["io"]["engine"] | null = null;
  private readonly socket: DeskSocket;
  private readonly storyId: string;
  private readonly edit: boolean;

  constructor(socket: DeskSocket, storyId: string, options: { edit: boolean; doc?: Y.Doc }) {
    this.socket = socket;
    this.storyId = storyId;
    this.edit = options.edit;
    this.doc = options.doc ?? new Y.Doc();
    this.awareness = new Awareness(this.doc);
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    socket.on("connect", this.join);
    socket.on("disconnect", this.onDisconnect);
    socket.on("collab:updated", this.onRemoteUpdate);
    socket.on("collab:awareness-changed", this.onRemoteAwareness);
    socket.on("collab:state-changed", this.onStateChanged);
    if (socket.connected) this.join();
    else this.setStatus("offline");
  }

  /** Calls `listener` whenever status, rights or limits change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Updates sent and not yet acknowledged (stored) by the server. */
  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once every update sent so far has been acknowledged (stored by the server). */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0 && this.status === "synced") return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private setStatus(status: CollabStatus): void {
    this.status = status;
    this.notify();
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.inFlight <= 1) this.notify(); // "saving" starts or ends
    if (this.inFlight !== 0 || this.status !== "synced") return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private readonly join = (): void => {
    if (this.destroyed) return;
    this.setStatus("joining");
    const stateVector = Y.encodeStateVector(this.doc);
    this.socket.timeout(15_000).emit("collab:join", { storyId: this.storyId, stateVector, edit: this.edit }, (timeout: Error | null, ack?: CollabJoinAck) => {
      if (this.destroyed) return;
      if (timeout || !ack) return void (this.socket.connected ? this.join() : this.setStatus("offline"));
      if (!ack.ok) {
        this.error = ack.error.message;
        return this.setStatus("refused");
      }
      this.generation += 1;
      this.inFlight = 0;
      this.canEdit = ack.canEdit;
      this.limits = ack.limits;
      this.storyState = ack.state;
      // What joining did to the story (reopened from approved, say), said on screen like any state change.
      if (ack.notice) this.notice = ack.notice;
      Y.applyUpdate(this.doc, bytes(ack.update), this);
      if (ack.awareness) applyAwarenessUpdate(this.awareness, bytes(ack.awareness), this);
      // What this copy has and the server lacks: typed offline, or sent but never acknowledged.
      if (this.canEdit) {
        const missing = Y.encodeStateAsUpdate(this.doc, bytes(ack.stateVector));
        if (!isEmptyUpdate(missing)) this.send(missing);
        if (this.awareness.getLocalState()) this.sendAwareness();
      }
      this.hasSynced = true;
      this.setStatus("synced");
    });
  };

  private readonly onDisconnect = (): void => {
    // Other people's carets are stale until the next sync brings them again.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    if (others.length > 0) removeAwarenessStates(this.awareness, others, this);
    this.inFlight = 0;
    this.setStatus("offline");
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || !this.canEdit || this.status !== "synced") return; // the next sync sends it
    this.send(update);
  };

  private send(update: Uint8Array): void {
    const parts = update.byteLength > COLLAB_CHUNK_BYTES ? splitUpdate(update, COLLAB_CHUNK_BYTES) : [update];
    const id = parts.length > 1 ? `${this.doc.clientID}-${++this.chunkCount}` : null;
    const generation = this.generation;
    parts.forEach((part, index) => {
      this.inFlight += 1;
      if (this.inFlight === 1) this.notify();
      const payload = id ? { storyId: this.storyId, update: part, chunk: { id, index, count: parts.length } } : { storyId: this.storyId, update: part };
      this.socket.timeout(20_000).emit("collab:update", payload, (timeout: Error | null, ack?: CollabUpdateAck) => {
        if (this.destroyed || generation !== this.generation) return;
        if (timeout || !ack?.ok) {
          if (ack && !ack.ok) this.error = ack.error.message;
          // Not stored: a fresh sync sends whatever the server still lacks.
          if (this.socket.connected && this.status === "synced") this.join();
          return;
        }
        this.inFlight = Math.max(0, this.inFlight - 1);
        this.checkIdle();
      });
    });
  }

  private readonly onRemoteUpdate = (event: { storyId: string; update: Uint8Array | ArrayBuffer }): void => {
    if (event.storyId === this.storyId) Y.applyUpdate(this.doc, bytes(event.update), this);
  };

  private readonly onRemoteAwareness = (event: { storyId: string; update: Uint8Array | ArrayBuffer }): void => {
    if (event.storyId === this.storyId) applyAwarenessUpdate(this.awareness, bytes(event.update), this);
  };

  private readonly onStateChanged = (event: { storyId: string; state: string; message: string }): void => {
    if (event.storyId !== this.storyId) return;
    this.storyState = event.state;
    this.notice = event.message;
    this.notify();
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === this) return;
    if ([...added, ...updated, ...removed].includes(this.doc.clientID)) this.sendAwareness();
  };

  /**
   * Awareness stays volatile: any one caret may be dropped, but the latest must arrive. Socket.IO drops
   * a volatile emit while the connection is still writing (right after a `collab:update`), so the
   * latest state goes out once the connection can take it, and once more shortly after the change, in
   * case the server's volatile relay dropped it on the way to someone. Typing sends one caret per
   * keystroke plus at most one re-send per `AWARENESS_RESEND_MS`.
   */
  private sendAwareness(): void {
    this.awarenessPending = true;
    this.flushAwareness();
    this.awarenessResend ??= setTimeout(() => {
      this.awarenessResend = null;
      this.awarenessPending = true;
      this.flushAwareness();
    }, AWARENESS_RESEND_MS);
  }

  private readonly flushAwareness = (): void => {
    if (!this.awarenessPending || this.destroyed || !this.canEdit || this.status !== "synced" || !this.socket.connected) return;
    const engine = this.socket.io.engine;
    if (!engine.transport.writable) {
      if (this.drainingEngine === engine) return;
      this.drainingEngine = engine;
      engine.once("drain", () => {
        this.drainingEngine = null;
        this.flushAwareness();
      });
      return;
    }
    this.awarenessPending = false;
    this.socket.volatile.emit("collab:awareness", { storyId: this.storyId, update: encodeAwarenessUpdate(this.awareness, [this.doc.clientID]) }, () => undefined);
  };

  /** Leaves the story: the server drops this socket's caret and, if it was the last one, unloads the document. */
  destroy(): void {
    if (this.destroyed) return;
    removeAwarenessStates(this.awareness, [this.doc.clientID], "local");
    this.destroyed = true;
    if (this.awarenessResend) clearTimeout(this.awarenessResend);
    this.socket.off("connect", this.join);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("collab:updated", this.onRemoteUpdate);
    this.socket.off("collab:awareness-changed", this.onRemoteAwareness);
    this.socket.off("collab:state-changed", this.onStateChanged);
    this.doc.off("update", this.onDocUpdate);
    if (this.socket.connected) this.socket.emit("collab:leave", { storyId: this.storyId }, () => undefined);
    this.awareness.destroy();
    this.listeners.clear();
  }
}
