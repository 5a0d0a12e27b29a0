"use client";

import { useState, type FormEvent } from "react";
import { fetchJson } from "../api/fetch-json";

/** Email and password; on success, to the desk. */
export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsBusy(true);
    setError(null);
    try {
      await fetchJson("/api/auth/login", { method: "POST", json: { email: form.get("email"), password: form.get("password") } });
      window.location.assign("/");
    } catch (e) {
      setError(e instanceof Error ? e.message : "Sign-in failed.");
      setIsBusy(false);
    }
  };

  return (
    <form method="post" onSubmit={(e) => void submit(e)} aria-label="Sign in" className="w-full max-w-xs space-y-3 rounded-lg border border-slate-200 p-6 dark:border-slate-800">
      <h1 className="text-lg font-semibold">Wiredesk</h1>
      <label className="block text-xs">
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus className="mt-1 block w-full rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700" />
      </label>
      <label className="block text-xs">
        Password
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700" />
      </label>
      {error ? (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={isBusy} className="w-full rounded bg-blue-600 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60">
        {isBusy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
