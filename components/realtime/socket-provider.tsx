"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/contract/events";
import { applyStoryEvent } from "./apply-story-event";
import { SyncCursor } from "./sync-cursor";

/** What the connection indicator shows. */
export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

interface RealtimeValue {
  state: ConnectionState;
  cursor: SyncCursor;
  /** Number of story events applied since the page loaded (for tests and the header). */
  eventCount: number;
}

const RealtimeContext = createContext<RealtimeValue | null>(null);

/** The one socket of the page and its bridge into the query cache. Components never call socket.on. */
export function SocketProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const cursor = useMemo(() => new SyncCursor(), []);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [eventCount, setEventCount] = useState(0);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      autoConnect: false,
      withCredentials: true,
      transports: ["websocket", "polling"],
      auth: (cb) => cb(cursor.lastSeq === undefined ? {} : { lastSeq: cursor.lastSeq }),
    });
    const goOffline = () => setState("offline");
    const goOnline = () => setState(socket.connected ? "connected" : "reconnecting");
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    socket.io.on("reconnect_attempt", () => {
      cursor.connecting();
      setState(navigator.onLine ? "reconnecting" : "offline");
    });
    socket.on("connect", () => setState("connected"));
    socket.on("disconnect", (reason) => {
      cursor.connecting();
      setState(navigator.onLine ? "reconnecting" : "offline");
      // The server cut us (e.g. session revoked): reconnect only if the session still works.
      if (reason === "io server disconnect") window.location.assign("/login");
    });
    socket.on("connect_error", (error) => {
      setState(navigator.onLine ? "reconnecting" : "offline");
      if (error.message === "unauthorized") window.location.assign("/login");
    });
    socket.on("story:upserted", (event) => {
      cursor.eventReceived(event.seq);
      applyStoryEvent(queryClient, event);
      setEventCount((n) => n + 1);
    });
    socket.on("sync:completed", (event) => cursor.syncCompleted(event.seq));
    socket.on("sync:stale", (event) => {
      cursor.reset(event.seq);
      void queryClient.invalidateQueries({ queryKey: ["stories"] });
    });
    socket.on("session:revoked", () => window.location.assign("/login"));
    let isActive = true;
    void cursor.whenReady().then(() => {
      if (!isActive) return;
      cursor.connecting();
      socket.connect();
    });
    return () => {
      isActive = false;
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [cursor, queryClient]);

  const value = useMemo(() => ({ state, cursor, eventCount }), [state, cursor, eventCount]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** The realtime state of the page. */
export function useRealtime(): RealtimeValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error("useRealtime must be used inside <SocketProvider>");
  return value;
}
