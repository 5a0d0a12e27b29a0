import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, StoryUpsertedEvent } from "../contract/events";

type DeskClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Records every story event a client receives, and lets a test wait for a count. */
export function recordStoryEvents(socket: DeskClient) {
  const events: StoryUpsertedEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  socket.on("story:upserted", (event) => {
    events.push(event);
    for (const w of waiters.filter((w) => events.length >= w.count)) w.resolve();
  });
  return {
    events,
    waitFor(count: number, timeoutMs = 5000): Promise<StoryUpsertedEvent[]> {
      if (events.length >= count) return Promise.resolve(events);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} story events, got ${events.length}`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(events)) });
      });
    },
  };
}

/** Resolves with the next event of that name. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: DeskClient, name: E, timeoutMs = 5000): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
    (socket as unknown as { once: (n: string, cb: (v: unknown) => void) => void }).once(name, (value) => {
      clearTimeout(timer);
      resolve(value as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}

/** Resolves when connected, rejects with the server's reason when refused. */
export function waitConnected(socket: DeskClient): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
}
