import * as Y from "yjs";
import type { AppContext } from "../app-context";
import { collabRoom, type CollabJoinAck, type CollabUpdateAck } from "../contract/collab";
import type { DeskServer } from "../realtime/socket-publisher";
import { OpenDoc } from "./open-doc";
import { WriteBackSchedule } from "./write-back-schedule";
import { HandedOnStories } from "./handed-on";
import { readDeskCopy, seedStoryDoc } from "./story-doc";
import { editorialLimits } from "../stories/editorial-limits";
import { REOPENED_BY_EDITING } from "../contract/edit-rules";
import type { StorySummaryRecord } from "../storage/store";

/** Tuning of the hub; the defaults suit a desk. */
export interface CollabHubOptions {
  /** Updates after which the stored updates are merged into one state. */
  compactEvery: number;
  /** Quiet time after the last keystroke before the text is written back to the story row. */
  writeBackMs: number;
  /** The longest a keystroke waits for its write-back while typing goes on. */
  writeBackMaxMs: number;
  /** Write-backs due this much later are done along with one that is due (one commit, one burst of events). */
  writeBackGatherMs: number;
  /** A desk version is kept once editing has gone on this long since the last version. */
  versionEveryMs: number;
}

const DEFAULTS: CollabHubOptions = { compactEvery: 300, writeBackMs: 400, writeBackMaxMs: 850, writeBackGatherMs: 60, versionEveryMs: 3 * 60_000 };

type Failure = { ok: false; error: { code: "not_found" | "forbidden" | "bad_request" | "internal"; message: string } };
const fail = (code: Failure["error"]["code"], message: string): Failure => ({ ok: false, error: { code, message } });

/**
 * The open shared documents of this process: one Y.Doc per story, loaded from SQLite on first join,
 * every update stored before it is acknowledged and relayed to the story's room, the text written
 * back to the story row shortly after typing, compaction, and unloading when the last member leaves.
 */
export class CollabHub {
  private readonly docs = new Map<string, OpenDoc>();
  /** The last server change queued per story (see applyServerChange). */
  private readonly serverChanges = new Map<string, Promise<void>>();
  private readonly loading = new Map<string, Promise<OpenDoc | null>>();
  /** The newest story event of each story whose document is loading (applied when it is open). */
  private readonly heardWhileLoading = new Map<string, { state: string; seq: number }>();
  private readonly options: CollabHubOptions;
  private readonly ctx: AppContext;
  private readonly io: DeskServer;
  private readonly writeBacks: WriteBackSchedule<OpenDoc>;
  private readonly stopWatching: () => void;
  private readonly handedOn: HandedOnStories;

  constructor(ctx: AppContext, io: DeskServer, options: Partial<CollabHubOptions> = {}) {
    this.ctx = ctx;
    this.io = io;
    this.options = { ...DEFAULTS, ...options };
    this.handedOn = new HandedOnStories(ctx, io);
    const { writeBackMs: quietMs, writeBackMaxMs: maxMs, writeBackGatherMs: gatherMs } = this.options;
    // Started together, the write-backs share one group commit.
    this.writeBacks = new WriteBackSchedule({ quietMs, maxMs, gatherMs }, (due) => {
      this.writeBackAll(due)
        .then((failures) => failures.forEach(({ storyId, error }) => this.ctx.logger.error({ err: error, storyId }, "write-back failed")))
        .catch((error: unknown) => this.ctx.logger.error({ err: error }, "write-back failed"));
    });
    this.stopWatching = ctx.publisher.onStories((changed) => this.storiesChanged(changed));
  }

  /** How many documents are open (for tests and the benchmark). */
  get openCount(): number {
    return this.docs.size;
  }

  /** The open document of a story, loading (or creating) it on first use; null when there is no such story. */
  async open(storyId: string): Promise<OpenDoc | null> {
    const open = this.docs.get(storyId);
    if (open) return open;
    let pending = this.loading.get(storyId);
    if (!pending) {
      pending = this.load(storyId).finally(() => {
        this.loading.delete(storyId);
        this.heardWhileLoading.delete(storyId);
      });
      this.loading.set(storyId, pending);
    }
    return pending;
  }

  private async load(storyId: string): Promise<OpenDoc | null> {
    const store = this.ctx.store.deskCopy;
    let stored = await store.loadDoc(storyId);
    if (!stored.state && stored.updates.length === 0) {
      const story = await this.ctx.store.stories.getStory(storyId);
      if (!story) return null;
      // The first state is built once from the story's text and stored before anyone sees it, so
      // every editor starts from the same document (never rebuilt from text on a later load).
      const seeded = new Y.Doc();
      seedStoryDoc(seeded, story);
      await store.createDoc(storyId, Y.encodeStateAsUpdate(seeded), await this.versionOfText(story));
      seeded.destroy();
      stored = await store.loadDoc(storyId);
    }
    const open = new OpenDoc(storyId);
    Y.transact(open.doc, () => {
      if (stored.state) Y.applyUpdate(open.doc, stored.state);
      for (const update of stored.updates) Y.applyUpdate(open.doc, update);
    });
    open.lastUpdateId = stored.lastUpdateId;
    open.updatesSinceCompaction = stored.updates.length;
    open.awareness.on("update", (changed: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (typeof origin === "string" && origin !== "server") open.trackClients(origin, changed);
    });
    // The state as the document opens: read now, or a story event heard while it loaded (whichever is newer).
    const current = await this.ctx.store.stories.getStory(storyId);
    if (!current) {
      open.destroy();
      return null;
    }
    const heard = this.heardWhileLoading.get(storyId);
    const newest = heard && heard.seq > current.seq ? heard : { state: current.state, seq: current.seq };
    open.state = newest.state;
    open.stateSeq = newest.seq;
    this.docs.set(storyId, open);
    return open;
  }

  /**
   * The agency version whose text the story row holds: its own version, unless an agency update
   * arrived while the story was taken (then the row keeps the older text): the newest stored version
   * with the row's headline and body.
   */
  private async versionOfText(story: { id: string; agencyVersion: number; agencyUpdateVersion: number | null; headline: string; bodyHtml: string }): Promise<number> {
    if (story.agencyUpdateVersion === null) return story.agencyVersion;
    const versions = await this.ctx.store.stories.listStoryVersions(story.id);
    const same = versions.findLast((v) => v.normalized.headline === story.headline && v.normalized.bodyHtml === story.bodyHtml);
    return same?.agencyVersion ?? versions.findLast((v) => v.agencyVersion < story.agencyVersion)?.agencyVersion ?? story.agencyVersion;
  }

  /** Adds a socket to a story's document; answers what the client misses and the server's state vector. */
  async join(socketId: string, userId: string, storyId: string, canEdit: boolean, stateVector: Uint8Array | undefined, state: string): Promise<CollabJoinAck | Failure> {
    const open = await this.open(storyId);
    if (!open) return fail("not_found", "No story with that id.");
    const previous = open.members.get(socketId);
    open.members.set(socketId, { userId, canEdit, clients: previous?.clients ?? new Set() });
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(open.doc, stateVector && stateVector.byteLength > 0 ? new Uint8Array(stateVector) : undefined);
    } catch {
      return fail("bad_request", "stateVector: not a Yjs state vector.");
    }
    // The state the hub holds (read as the document opened, then kept by story events), not the caller's
    // earlier read: a step taken while the document loaded is the joiner's news too.
    return { ok: true, update, stateVector: Y.encodeStateVector(open.doc), awareness: open.awarenessSnapshot(), canEdit, limits: this.limits(), state: open.state ?? state };
  }

  private limits() {
    return editorialLimits(this.ctx.env);
  }

  /** Applies one update, sends it to the rest of the story's room, stores it and then acknowledges it. */
  async update(socketId: string, storyId: string, update: Uint8Array): Promise<CollabUpdateAck> {
    const open = this.docs.get(storyId);
    const member = open?.members.get(socketId);
    if (!open || !member) return fail("bad_request", "Join the story (collab:join) before sending updates.");
    if (!member.canEdit) return fail("forbidden", "You are watching this story; editing needs the editor role and Edit.");
    const bytes = new Uint8Array(update);
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(bytes); // refuse what is not a Yjs update before storing it
    } catch {
      return fail("bad_request", "update: not a Yjs update.");
    }
    // Applied and sent on at once, so co-editors see the keystroke while it is being stored (with other
    // updates of the same moment, in one commit). The sender's acknowledgement waits for the commit: an
    // update is acknowledged only once stored. One relayed but not stored (a crash in between) is still
    // held, unacknowledged, by its sender and by everyone it reached, and their next sync sends it again.
    // Deletions the document already holds (sent back by every editor's join) change nothing: no change
    // to store, relay or count (counted, it returned a story handed on to in_progress for merely opening it).
    if (!open.apply(bytes, socketId, decoded)) return { ok: true };
    this.io.to(collabRoom(storyId)).except(socketId).emit("collab:updated", { storyId, update: bytes });
    const id = await this.ctx.store.deskCopy.appendUpdate(storyId, bytes, member.userId);
    open.lastUpdateId = Math.max(open.lastUpdateId, id);
    open.updatesSinceCompaction += 1;
    open.noteContribution(member.userId, Date.now());
    open.lastEditorId = member.userId;
    // Unloaded while the update was stored (the last editor left): its write-back has read this text already.
    if (this.docs.get(storyId) === open) this.writeBacks.changed(open);
    if (open.state !== null && REOPENED_BY_EDITING.includes(open.state)) this.handedOn.afterTypedChange(open, member.userId);
    if (open.updatesSinceCompaction >= this.options.compactEvery) await this.compact(open);
    return { ok: true };
  }

  /**
   * Applies a change made on the server (a restored version, an agency version brought in) like a
   * typed one: stored, applied, sent to the story's room, written back. Opens the document if nobody
   * has it open, and unloads it again afterwards.
   */
  async applyServerChange(storyId: string, actorId: string, reason: string, makeUpdate: (open: OpenDoc) => Promise<Uint8Array | null>): Promise<boolean> {
    // One server change at a time per story: each one computes its update against the text the one
    // before it left (twenty restores at once make one change, not twenty copies of the text).
    const previous = this.serverChanges.get(storyId) ?? Promise.resolve();
    const run = previous.then(() => this.applyServerChangeNow(storyId, actorId, reason, makeUpdate));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.serverChanges.set(storyId, tail);
    void tail.then(() => {
      if (this.serverChanges.get(storyId) === tail) this.serverChanges.delete(storyId);
    });
    return run;
  }

  private async applyServerChangeNow(storyId: string, actorId: string, reason: string, makeUpdate: (open: OpenDoc) => Promise<Uint8Array | null>): Promise<boolean> {
    const open = await this.open(storyId);
    if (!open) return false;
    try {
      // What was typed before the change is a version of its own.
      if (open.contributors.size > 0) await this.keepVersion(open, "editing");
      const update = await makeUpdate(open);
      if (!update || update.byteLength <= 2) return true;
      // A restore or an agency change brought into a story handed on is a change like a typed one: the
      // story returns to in_progress first, so the chief never approves text that changed under them.
      await this.handedOn.aroundServerChange(storyId, actorId);
      Y.applyUpdate(open.doc, update, "server");
      this.io.to(collabRoom(storyId)).emit("collab:updated", { storyId, update });
      open.lastUpdateId = Math.max(open.lastUpdateId, await this.ctx.store.deskCopy.appendUpdate(storyId, update, actorId));
      open.updatesSinceCompaction += 1;
      open.noteContribution(actorId, Date.now());
      open.lastEditorId = actorId;
      await this.writeBack(open);
      // Handed on meanwhile (a step that kept the text from before this change): it returns too.
      await this.handedOn.aroundServerChange(storyId, actorId);
      await this.keepVersion(open, reason, actorId);
      return true;
    } finally {
      if (open.members.size === 0 && this.docs.get(storyId) === open) await this.unload(open);
    }
  }

  /** Applies a socket's awareness update and sends it (volatile) to the rest of the room. */
  awareness(socketId: string, storyId: string, update: Uint8Array, apply: (open: OpenDoc) => void): "sent" | "not_joined" | "watching" {
    const open = this.docs.get(storyId);
    const member = open?.members.get(socketId);
    if (!open || !member) return "not_joined";
    if (!member.canEdit) return "watching";
    apply(open);
    this.io.to(collabRoom(storyId)).except(socketId).volatile.emit("collab:awareness-changed", { storyId, update });
    return "sent";
  }

  /** Removes a socket from a story's document; the last one out unloads it (written back and compacted). */
  async leave(socketId: string, storyId: string): Promise<void> {
    const open = this.docs.get(storyId);
    if (!open?.members.has(socketId)) return;
    const gone = open.removeMember(socketId);
    if (gone) this.io.to(collabRoom(storyId)).except(socketId).volatile.emit("collab:awareness-changed", { storyId, update: gone });
    if (open.members.size === 0) await this.unload(open);
  }

  /** Removes a socket from every document it joined. */
  async leaveAll(socketId: string): Promise<void> {
    for (const open of [...this.docs.values()]) if (open.members.has(socketId)) await this.leave(socketId, open.storyId);
  }

  /** Writes the document's text to the story row and tells every desk (after commit). */
  async writeBack(open: OpenDoc): Promise<void> {
    const [failure] = await this.writeBackAll([open]);
    if (failure) throw failure.error;
  }

  /**
   * Writes several documents back (in one group commit) and tells every desk about all of them in one
   * batch: each desk then gets the round's events in one pass and one write, not one pass per story.
   * Answers the write-backs (or versions) that failed; the others still go out.
   */
  private async writeBackAll(opens: readonly OpenDoc[]): Promise<{ storyId: string; error: unknown }[]> {
    for (const open of opens) this.writeBacks.cancel(open);
    const results = await Promise.allSettled(opens.map(async (open) => this.ctx.store.deskCopy.writeBack(open.storyId, readDeskCopy(open.doc), open.lastEditorId)));
    const changed = results.flatMap((result) => (result.status === "fulfilled" && result.value ? [result.value] : []));
    if (changed.length > 0) this.ctx.publisher.storiesChanged(changed);
    const failures: { storyId: string; error: unknown }[] = [];
    for (const [i, result] of results.entries()) {
      const open = opens[i]!;
      if (result.status === "rejected") {
        failures.push({ storyId: open.storyId, error: result.reason });
        continue;
      }
      // A version every few minutes of editing (checked as typing is written back: only while someone types).
      if (open.editingSince !== null && open.contributors.size > 0 && Date.now() - open.editingSince >= this.options.versionEveryMs) {
        await this.keepVersion(open, "editing").catch((error: unknown) => failures.push({ storyId: open.storyId, error }));
      }
    }
    return failures;
  }

  /**
   * Keeps the desk copy's current text as a version, crediting who changed it since the last one (none
   * is kept when state and text are those of the last version). The credit is taken before the write,
   * so a second call meanwhile credits nobody twice.
   */
  async keepVersion(open: OpenDoc, reason: string, actorId: string | null = null): Promise<void> {
    const { headline, slugline, byline, abstract, bodyHtml } = readDeskCopy(open.doc);
    const contributors = open.takeContributions();
    await this.ctx.store.deskCopy.addVersion({ storyId: open.storyId, reason, at: new Date().toISOString(), contributors, actorId, headline, slugline, byline, abstract, bodyHtml });
  }

  /**
   * Before a workflow step: the open document's text written back (the step keeps the row's text as a
   * version) and who changed it since the last version. Nothing open: nobody.
   */
  async contributionsBeforeStep(storyId: string): Promise<string[]> {
    const open = this.docs.get(storyId);
    if (!open) return [];
    await this.writeBack(open);
    return [...open.contributors];
  }

  /** Tells everyone in the story that editing returned it from `from` to in_progress; answers what their pane says. */
  announceReopened(storyId: string, from: string): string {
    return this.handedOn.announceReopened(storyId, from);
  }

  /** Story events while its document is open (see HandedOnStories.stateChanged). */
  private storiesChanged(changed: readonly { seq: number; story: StorySummaryRecord }[]): void {
    for (const { seq, story } of changed) {
      const open = this.docs.get(story.id);
      if (open) this.handedOn.stateChanged(open, story.state, seq, this.writeBacks.has(open));
      else if (this.loading.has(story.id) && seq > (this.heardWhileLoading.get(story.id)?.seq ?? 0)) this.heardWhileLoading.set(story.id, { state: story.state, seq });
    }
  }

  /** After a workflow step kept its version: the contributions it credited are forgotten. */
  stepKept(storyId: string, credited: readonly string[]): void {
    this.docs.get(storyId)?.takeContributions(credited);
  }

  private async compact(open: OpenDoc): Promise<void> {
    await this.ctx.store.deskCopy.compact(open.storyId, Y.encodeStateAsUpdate(open.doc), open.lastUpdateId);
    open.updatesSinceCompaction = 0;
  }

  private async unload(open: OpenDoc): Promise<void> {
    this.docs.delete(open.storyId);
    try {
      await this.writeBack(open);
      if (open.contributors.size > 0) await this.keepVersion(open, "editing");
      await this.compact(open);
    } finally {
      this.writeBacks.cancel(open);
      open.destroy();
    }
  }

  /** After a crash: writes back and compacts every document with stored updates not yet compacted. */
  async recover(): Promise<number> {
    const ids = await this.ctx.store.deskCopy.listStoriesWithUpdates();
    for (const id of ids) {
      if (this.docs.has(id)) continue;
      const open = await this.open(id);
      if (open && open.members.size === 0) await this.unload(open);
    }
    return ids.length;
  }

  /** Unloads every open document nobody has joined (written back and compacted first). */
  async unloadIdle(): Promise<number> {
    const idle = [...this.docs.values()].filter((open) => open.members.size === 0);
    for (const open of idle) await this.unload(open);
    return idle.length;
  }

  /** Writes back and compacts every open document (on shutdown). */
  async close(): Promise<void> {
    this.stopWatching();
    for (const open of [...this.docs.values()]) await this.unload(open);
    this.writeBacks.clear();
  }
}
