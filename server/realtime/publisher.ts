import type { StoryAlertedEvent } from "../contract/events";
import type { StorySummaryRecord } from "../storage/store";

/** Sends committed changes to connected editors. Services call it only after their transaction returns. */
export interface Publisher {
  storiesChanged(changed: readonly { seq: number; story: StorySummaryRecord }[]): void;
  sessionsRevoked(sessionHashes: readonly string[], reason: string): void;
  /** Alerts every signed-in chief and admin (an agency kill of a published story). */
  storyAlerted?(event: StoryAlertedEvent): void;
}

/** A publisher whose target is attached later (the socket layer), and which drops events until then. */
export class LatePublisher implements Publisher {
  private target: Publisher | null = null;
  private readonly observers = new Set<(seqs: readonly number[]) => void>();
  private readonly storyObservers = new Set<(changed: readonly { seq: number; story: StorySummaryRecord }[]) => void>();

  /** Calls `observer` with every later storiesChanged batch; returns a function that stops it. */
  onStories(observer: (changed: readonly { seq: number; story: StorySummaryRecord }[]) => void): () => void {
    this.storyObservers.add(observer);
    return () => this.storyObservers.delete(observer);
  }

  /** Calls `observer` with the seqs of every later storiesChanged; returns a function that stops it. */
  observe(observer: (seqs: readonly number[]) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Routes every later event to the given publisher (or to nothing with null). */
  attach(target: Publisher | null): void {
    this.target = target;
  }

  storiesChanged(changed: readonly { seq: number; story: StorySummaryRecord }[]): void {
    this.target?.storiesChanged(changed);
    if (this.observers.size > 0) {
      const seqs = changed.map((c) => c.seq);
      for (const observer of this.observers) observer(seqs);
    }
    for (const observer of this.storyObservers) observer(changed);
  }

  storyAlerted(event: StoryAlertedEvent): void {
    this.target?.storyAlerted?.(event);
  }

  sessionsRevoked(sessionHashes: readonly string[], reason: string): void {
    this.target?.sessionsRevoked(sessionHashes, reason);
  }
}
