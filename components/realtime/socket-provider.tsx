"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, StoryUpsertedEvent } from "@/server/contract/events";
import type { PresenceMode } from "@/server/contract/presence";
import { applyStoryEvents } from "./apply-story-event";
import { FrameBatcher } from "./frame-batcher";
import { PresenceStore } from "./presence-store";
import { recentStoryEvents } from "./recent-story-events";
import { RetryTimer, sessionEnded } from "./reconnect";
import { SyncCursor } from "./sync-cursor";

/** What the connection indicator shows. */
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

/** Receives each batch of story events after it reached the cache. */
export type StoryEventsListener = (events: readonly StoryUpsertedEvent[]) => void;

interface RealtimeValue {
  state: ConnectionState;
  cursor: SyncCursor;
  /** When the connection was lost (ms since the epoch); null while connected or before the first connect. */
  awaySince: number | null;
}

/** The stable part of the bridge: it never changes while the page lives. */
export interface RealtimeServices {
  cursor: SyncCursor;
  presence: PresenceStore;
  /** Tells the desk which story this tab is on (null: none); repeated after every reconnect. */
  setPresence: (storyId: string | null, mode: PresenceMode) => void;
  /** Subscribes to story event batches (after they reached the cache); returns the unsubscribe. */
  subscribeStories: (listener: StoryEventsListener) => () => void;
  /** The page's socket (null before it is set up), for the co-editing provider. */
  getSocket: () => DeskSocket | null;
}

const RealtimeContext = createContext<RealtimeValue | null>(null);
const ServicesContext = createContext<RealtimeServices | null>(null);

/** The desk's typed socket. */
export type DeskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function createServices(cursor: SyncCursor) {
  const listeners = new Set<StoryEventsListener>();
  const current = { storyId: null as string | null, mode: "viewing" as PresenceMode, socket: null as DeskSocket | null };
  const sendPresence = () => {
    const socket = current.socket;
    if (!socket?.connected) return;
    socket.timeout(5000).emit("presence:set", { storyId: current.storyId, mode: current.mode }, () => undefined);
  };
  const services: RealtimeServices = {
    cursor,
    presence: new PresenceStore(),
    setPresence: (storyId, mode) => {
      if (current.storyId === storyId && current.mode === mode) return;
      current.storyId = storyId;
      current.mode = mode;
      sendPresence();
    },
    subscribeStories: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSocket: () => current.socket,
  };
  return { services, listeners, current, sendPresence };
}

/** The one socket of the page and its bridge into the query cache. Components never call socket.on. */
export function SocketProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const bridge = useMemo(() => createServices(new SyncCursor()), []);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [awaySince, setAwaySince] = useState<number | null>(null);

  useEffect(() => {
    const { cursor, presence } = bridge.services;
    const socket: DeskSocket = io({
      autoConnect: false,
      withCredentials: true,
      transports: ["websocket", "polling"],
      // A restarting server is back within seconds: retry soon, then back off to 5 s, jittered so
      // a newsroom of desks does not come back in one burst.
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.5,
      auth: (cb) => cb(cursor.lastSeq === undefined ? {} : { lastSeq: cursor.lastSeq }),
    });
    const live = bridge.current; // the same object for the page's life
    live.socket = socket;
    const batcher = new FrameBatcher<StoryUpsertedEvent>((events) => {
      applyStoryEvents(queryClient, events);
      recentStoryEvents.record(events);
      // Listeners, not state: a context update per batch would walk the whole queue's fiber tree.
      for (const listener of bridge.listeners) listener(events);
    });
    const lost = () => {
      cursor.connecting();
      presence.replaceAll({});
      setAwaySince((since) => since ?? Date.now());
      setState(navigator.onLine ? "reconnecting" : "offline");
    };
    // Only the server saying the session has ended signs the editor out; a server going away
    // (a deploy, a crash) keeps the desk, its queue and its open story on screen.
    const signIn = () => window.location.assign("/login");
    const retry = new RetryTimer(() => {
      if (!socket.active && navigator.onLine) socket.connect();
    });
    const resumeUnlessSignedOut = () => {
      void sessionEnded().then((ended) => (ended ? signIn() : retry.schedule()));
    };
    // The browser knows the network is gone before any ping times out: drop the socket now and
    // come back (with a catch-up from the last seq) the moment the network does.
    const goOffline = () => {
      if (socket.active) socket.disconnect();
      setState("offline");
    };
    const goOnline = () => {
      setState("reconnecting");
      if (!socket.active) socket.connect();
    };
    const flushWhenHidden = () => {
      if (document.visibilityState === "hidden") batcher.flush();
    };
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    document.addEventListener("visibilitychange", flushWhenHidden);
    socket.io.on("reconnect_attempt", lost);
    socket.on("connect", () => {
      retry.reset();
      setAwaySince(null);
      setState("connected");
      bridge.sendPresence();
    });
    socket.on("disconnect", (reason) => {
      lost();
      // The server cut this socket: Socket.IO will not come back by itself. A revoked session
      // answers 401 (sign in again); anything else (a server shutting down) reconnects with backoff.
      if (reason === "io server disconnect") resumeUnlessSignedOut();
    });
    socket.on("connect_error", (error) => {
      setAwaySince((since) => since ?? Date.now());
      setState(navigator.onLine ? "reconnecting" : "offline");
      // The handshake was refused for want of a session: that is the server's 401.
      if (error.message === "unauthorized") signIn();
      // Refused for another reason (the server could not check the session): try again later.
      else if (!socket.active) resumeUnlessSignedOut();
    });
    socket.on("story:upserted", (event) => {
      cursor.eventReceived(event.seq);
      batcher.push(event);
    });
    socket.on("sync:completed", (event) => cursor.syncCompleted(event.seq));
    socket.on("sync:stale", (event) => {
      batcher.flush();
      cursor.reset(event.seq);
      void queryClient.invalidateQueries({ queryKey: ["stories"] });
    });
    socket.on("presence:snapshot", (event) => presence.replaceAll(event.stories));
    socket.on("presence:changed", (event) => presence.set(event.storyId, event.viewers));
    socket.on("session:revoked", signIn);
    let isActive = true;
    void cursor.whenReady().then(() => {
      if (!isActive) return;
      cursor.connecting();
      if (navigator.onLine) socket.connect();
      else setState("offline");
    });
    return () => {
      isActive = false;
      retry.reset();
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      document.removeEventListener("visibilitychange", flushWhenHidden);
      batcher.dispose();
      live.socket = null;
      socket.removeAllListeners();
      socket.io.off("reconnect_attempt", lost);
      socket.disconnect();
    };
  }, [bridge, queryClient]);

  const value = useMemo(() => ({ state, cursor: bridge.services.cursor, awaySince }), [state, bridge, awaySince]);
  return (
    <ServicesContext.Provider value={bridge.services}>
      <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>
    </ServicesContext.Provider>
  );
}

/** The connection state of the page. */
export function useRealtime(): RealtimeValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error("useRealtime must be used inside <SocketProvider>");
  return value;
}

/** The stable realtime services: cursor, presence, story event subscription. */
export function useRealtimeServices(): RealtimeServices {
  const value = useContext(ServicesContext);
  if (!value) throw new Error("useRealtimeServices must be used inside <SocketProvider>");
  return value;
}
