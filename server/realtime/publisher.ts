import type { StoryRecord } from "@/db/schema";

/** Sends committed changes to connected editors. Services call it only after their transaction returns. */
export interface Publisher {
  storiesChanged(changed: readonly { seq: number; story: StoryRecord }[]): void;
  sessionsRevoked(sessionHashes: readonly string[], reason: string): void;
}

/** A publisher whose target is attached later (the socket layer), and which drops events until then. */
export class LatePublisher implements Publisher {
  private target: Publisher | null = null;

  /** Routes every later event to the given publisher (or to nothing with null). */
  attach(target: Publisher | null): void {
    this.target = target;
  }

  storiesChanged(changed: readonly { seq: number; story: StoryRecord }[]): void {
    this.target?.storiesChanged(changed);
  }

  sessionsRevoked(sessionHashes: readonly string[], reason: string): void {
    this.target?.sessionsRevoked(sessionHashes, reason);
  }
}
