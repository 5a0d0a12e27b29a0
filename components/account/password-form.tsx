"use client";

import { useState, type FormEvent } from "react";
import { fetchJson } from "../api/fetch-json";

/** Changes the signed-in user's password. */
export function PasswordForm() {
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (form.get("newPassword") !== form.get("repeatPassword")) {
      setMessage({ kind: "error", text: "The two new passwords differ." });
      return;
    }
    try {
      await fetchJson("/api/auth/password", { method: "POST", json: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") } });
      formElement.reset();
      setMessage({ kind: "ok", text: "Password changed." });
    } catch (error) {
      setMessage({ kind: "error", text: error instanceof Error ? error.message : "Could not change the password." });
    }
  };
  const field = "mt-1 block w-full rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700";
  return (
    <form method="post" onSubmit={(e) => void submit(e)} aria-label="Change password" className="max-w-sm space-y-3">
      <label className="block text-xs">
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required className={field} />
      </label>
      <label className="block text-xs">
        New password (at least 10 characters)
        <input name="newPassword" type="password" autoComplete="new-password" minLength={10} required className={field} />
      </label>
      <label className="block text-xs">
        Repeat the new password
        <input name="repeatPassword" type="password" autoComplete="new-password" minLength={10} required className={field} />
      </label>
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={`text-xs ${message.kind === "error" ? "text-red-600" : "text-emerald-600"}`}>
          {message.text}
        </p>
      ) : null}
      <button type="submit" className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">
        Change password
      </button>
    </form>
  );
}
