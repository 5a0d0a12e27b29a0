"use client";

import { useCallback, useEffect, useRef } from "react";
import type { StoryPage, StorySummary } from "@/server/contract/story";
import type { StoryHistoryEntry } from "@/server/contract/workflow";
import { fetchJson } from "../api/fetch-json";
import { useRealtimeServices } from "../realtime/socket-provider";

/** How long an action of this desk counts as its own (its echo comes back within it). */
const OWN_ACTION_MS = 10_000;

/** Who did the story's last `action`, from its workflow history ("Someone" when that cannot be read). */
async function lastActor(storyId: string, action: "spike" | "release"): Promise<string> {
  try {
    const { entries } = await fetchJson<{ entries: StoryHistoryEntry[] }>(`/api/stories/${encodeURIComponent(storyId)}/history`);
    return entries.findLast((e) => e.action === action)?.actorName ?? "Someone";
  } catch {
    return "Someone";
  }
}

/** What happened to a story the user held, in words (naming who did it); null when it is still theirs. */
async function lostText(story: StorySummary, userId: string): Promise<string | null> {
  if (story.state === "spiked") return `${await lastActor(story.id, "spike")} spiked your story “${story.headline}”.`;
  if (story.takenBy === userId) return null;
  if (!story.takenBy) return `${await lastActor(story.id, "release")} released your story “${story.headline}”; it is back in the queue.`;
  return `Your story “${story.headline}” is now taken by ${story.takenByName ?? "another editor"}.`;
}

/**
 * Tells the holder when someone else releases, spikes or takes over a story they held, from the
 * `story:upserted` events every desk receives. Returns `noteOwn`, for the ids this desk acts on itself.
 */
export function useHolderNotices(userId: string, notify: (text: string) => void): (ids: readonly string[]) => void {
  const { subscribeStories } = useRealtimeServices();
  // Stories this user holds, as last seen.
  const held = useRef(new Set<string>());
  const own = useRef(new Map<string, number>());
  const latestNotify = useRef(notify);
  latestNotify.current = notify;

  useEffect(() => {
    // Stories already held when the desk opened (at most a few per editor).
    fetchJson<StoryPage>("/api/stories?state=in_progress,submitted&limit=500")
      .then((page) => page.stories.forEach((s) => (s.takenBy === userId ? held.current.add(s.id) : undefined)))
      .catch(() => undefined);
  }, [userId]);

  useEffect(
    () =>
      subscribeStories((events) => {
        const now = Date.now();
        for (const { story } of events) {
          const wasHeld = held.current.has(story.id);
          const isHeld = story.takenBy === userId && story.state !== "spiked";
          if (isHeld) held.current.add(story.id);
          else held.current.delete(story.id);
          // The first change after this desk's own action is that action's echo: it uses up the mark.
          const ownAt = own.current.get(story.id);
          own.current.delete(story.id);
          if (!wasHeld || isHeld) continue;
          if (ownAt !== undefined && now - ownAt < OWN_ACTION_MS) continue;
          void lostText(story, userId).then((text) => text && latestNotify.current(text));
        }
      }),
    [subscribeStories, userId],
  );

  return useCallback((ids: readonly string[]) => {
    const now = Date.now();
    for (const id of ids) own.current.set(id, now);
  }, []);
}
