"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { ApiError } from "../api/fetch-json";
import { ConnectionStatus } from "../realtime/connection-status";
import { SocketProvider } from "../realtime/socket-provider";
import { meQuery } from "../stories/queries";
import { StoryQueue } from "../stories/story-queue";
import { StoryView } from "../stories/story-view";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/** The wire desk: header, live queue and reading pane. Sends anyone not signed in to /login. */
export function Desk() {
  const router = useRouter();
  const params = useSearchParams();
  const selectedId = params.get("story");
  const me = useQuery(meQuery);

  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) router.replace("/login");
  }, [me.error, router]);

  if (!me.data) return <p className="p-4 text-slate-500">{me.isError ? "Redirecting to sign in…" : "Loading…"}</p>;

  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set("story", id);
    router.replace(`/?${next.toString()}`, { scroll: false });
  };

  return (
    <SocketProvider>
      <div className="flex h-dvh flex-col">
        <header className="flex items-center gap-4 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
          <h1 className="text-sm font-bold tracking-tight">Wiredesk</h1>
          <ConnectionStatus />
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            <UserMenu />
          </div>
        </header>
        <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
          <section aria-label="Queue" className="min-h-0 border-r border-slate-200 dark:border-slate-800">
            <StoryQueue selectedId={selectedId} onSelect={select} />
          </section>
          <section aria-label="Reading pane" className="min-h-0 overflow-y-auto">
            {selectedId ? <StoryView id={selectedId} /> : <p className="p-6 text-slate-500">Select a story to read it.</p>}
          </section>
        </main>
      </div>
    </SocketProvider>
  );
}
