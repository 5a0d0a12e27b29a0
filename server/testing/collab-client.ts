import { afterEach } from "vitest";
import * as Y from "yjs";
import { CollabProvider } from "@/components/collab/collab-provider";
import type { TestServer } from "./test-server";
import { waitConnected } from "./socket-events";

/** A real socket client with the desk's own co-editing provider on one story. */
export interface CollabClient {
  provider: CollabProvider;
  socket: ReturnType<TestServer["connect"]>;
  headline(): string;
  close(): void;
}

/** Resolves when the provider reaches `status` (or rejects after `timeoutMs`). */
export function waitStatus(provider: CollabProvider, status: CollabProvider["status"], timeoutMs = 5000): Promise<void> {
  if (provider.status === status) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider stayed ${provider.status} (${provider.error ?? "no error"}), wanted ${status}`)), timeoutMs);
    const stop = provider.subscribe(() => {
      if (provider.status !== status) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** Connects with `cookie` and joins `storyId` (to edit, or to watch). */
export async function joinStory(server: TestServer, cookie: string, storyId: string, edit = true): Promise<CollabClient> {
  const socket = server.connect(cookie);
  await waitConnected(socket);
  const provider = new CollabProvider(socket, storyId, { edit, doc: new Y.Doc() });
  await waitStatus(provider, "synced");
  return {
    provider,
    socket,
    headline: () => provider.doc.getText("headline").toJSON(),
    close: () => {
      provider.destroy();
      socket.disconnect();
    },
  };
}

/**
 * A test file's way to join stories: every client it opens is closed after each test, then `stop` runs
 * (stopping the file's server). Returns `join(server, cookie, storyId, edit = true)`.
 */
export function collabClients(stop: () => Promise<void>): (server: TestServer, cookie: string, storyId: string, edit?: boolean) => Promise<CollabClient> {
  let clients: CollabClient[] = [];
  afterEach(async () => {
    for (const client of clients) client.close();
    clients = [];
    await stop();
  });
  return async (server, cookie, storyId, edit = true) => {
    const client = await joinStory(server, cookie, storyId, edit);
    clients.push(client);
    return client;
  };
}

/** Waits until `check` passes (polling), or throws its last error after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
