"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchJson } from "../api/fetch-json";
import { meQuery } from "../auth/queries";

/** The signed-in user's name and role, and a sign-out button. */
export function UserMenu() {
  const me = useQuery(meQuery);
  const signOut = async () => {
    await fetchJson("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    window.location.assign("/login");
  };
  return (
    <div className="flex items-center gap-2 text-xs">
      {me.data ? (
        <span aria-label="Signed in as" className="max-2xl:hidden">
          {me.data.name} <span className="text-slate-500">({me.data.role})</span>
        </span>
      ) : null}
      <Link href="/account" title={me.data ? `${me.data.name} (${me.data.role})` : undefined} className="rounded px-2 py-0.5 hover:bg-slate-200 dark:hover:bg-slate-800">
        Account
      </Link>
      <button type="button" onClick={() => void signOut()} className="rounded px-2 py-0.5 hover:bg-slate-200 dark:hover:bg-slate-800">
        Sign out
      </button>
    </div>
  );
}
