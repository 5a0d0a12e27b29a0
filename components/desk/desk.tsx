"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ApiError } from "../api/fetch-json";
import { SocketProvider } from "../realtime/socket-provider";
import { meQuery } from "../auth/queries";
import { DeskWorkspace } from "./desk-workspace";

/** The wire desk. Sends anyone not signed in to /login. */
export function Desk() {
  const router = useRouter();
  const me = useQuery(meQuery);

  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) router.replace("/login");
  }, [me.error, router]);

  if (!me.data) return <p className="p-4 text-slate-500">{me.isError ? "Redirecting to sign in…" : "Loading…"}</p>;
  return (
    <SocketProvider>
      <DeskWorkspace me={me.data} />
    </SocketProvider>
  );
}
