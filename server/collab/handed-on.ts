import type { AppContext } from "../app-context";
import { collabRoom } from "../contract/collab";
import { handedOnNotice, REOPENED_BY_EDITING, reopenedNotice } from "../contract/edit-rules";
import { AppError } from "../errors";
import type { DeskServer } from "../realtime/socket-publisher";
import { reopenForEditing } from "../stories/workflow-service";
import type { OpenDoc } from "./open-doc";

/**
 * Stories handed on for review (submitted, approved) while their shared document is open: opening the
 * editor leaves them as they are; the first change (typed, restored or brought in from the agency)
 * returns them to in_progress, once, and everyone in the story is told.
 */
export class HandedOnStories {
  private readonly ctx: AppContext;
  private readonly io: DeskServer;

  constructor(ctx: AppContext, io: DeskServer) {
    this.ctx = ctx;
    this.io = io;
  }

  /** Tells everyone in the story that editing returned it from `from` to in_progress; answers what their pane says. */
  announceReopened(storyId: string, from: string): string {
    const message = reopenedNotice(from);
    this.io.to(collabRoom(storyId)).emit("collab:state-changed", { storyId, state: "in_progress", message });
    return message;
  }

  /** A change typed into a story handed on: it returns to in_progress (once, however many type at once). */
  afterTypedChange(open: OpenDoc, userId: string): void {
    if (open.reopening || open.state === null) return;
    open.reopening = this.reopen(open.storyId, userId, open.state)
      .catch((error: unknown) => this.ctx.logger.error({ err: error, storyId: open.storyId }, "returning an edited story to in progress failed"))
      .finally(() => {
        open.reopening = null;
      });
  }

  /** Before and after a server-made change: a story handed on returns to in_progress; a failure other than its having moved on fails the change. */
  async aroundServerChange(storyId: string, actorId: string): Promise<void> {
    const story = await this.ctx.store.stories.getStory(storyId);
    if (story && REOPENED_BY_EDITING.includes(story.state)) await this.reopen(storyId, actorId, story.state);
  }

  /**
   * A story event for an open document: its state is kept (unless the event is older than the state
   * already heard), and a story handed on while people are in
   * it is said in their pane. A change typed after the step kept its text (`changedSinceWriteBack`: its
   * write-back still due) already edits the handed-on story, so it returns to in_progress at once.
   */
  stateChanged(open: OpenDoc, state: string, seq: number, changedSinceWriteBack: boolean): void {
    if (seq <= open.stateSeq) return;
    open.stateSeq = seq;
    if (open.state === state) return;
    open.state = state;
    if (!REOPENED_BY_EDITING.includes(state)) return;
    if (changedSinceWriteBack && open.lastEditorId) this.afterTypedChange(open, open.lastEditorId);
    else this.io.to(collabRoom(open.storyId)).emit("collab:state-changed", { storyId: open.storyId, state, message: handedOnNotice(state) });
  }

  /** Returns the story to in_progress for `userId` and tells everyone in it; one that moved on meanwhile (reopened by another change, published) stays as it is. */
  private async reopen(storyId: string, userId: string, from: string): Promise<void> {
    try {
      await reopenForEditing(this.ctx, storyId, userId);
    } catch (error) {
      if (error instanceof AppError) return;
      throw error;
    }
    this.announceReopened(storyId, from);
  }
}
