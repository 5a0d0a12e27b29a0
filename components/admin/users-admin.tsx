"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role, type UserDto } from "@/server/contract/auth";
import { fetchJson } from "../api/fetch-json";

const usersQuery = { queryKey: ["users"] as const, queryFn: () => fetchJson<{ users: UserDto[] }>("/api/users") };

/** Admin: every user with role and active switches, plus a form to add one. */
export function UsersAdmin() {
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery);
  const [error, setError] = useState<string | null>(null);
  const onError = (e: Error) => setError(e.message);
  const onSuccess = () => {
    setError(null);
    void queryClient.invalidateQueries({ queryKey: ["users"] });
  };
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { role?: Role; active?: boolean } }) => fetchJson<UserDto>(`/api/users/${id}`, { method: "PATCH", json: patch }),
    onSuccess,
    onError,
  });
  const create = useMutation({
    mutationFn: (input: Record<string, FormDataEntryValue | null>) => fetchJson<UserDto>("/api/users", { method: "POST", json: input }),
    onSuccess,
    onError,
  });
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate(Object.fromEntries(form.entries()));
    event.currentTarget.reset();
  };
  const input = "rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700";

  if (users.isError) return <p role="alert" className="text-red-600">{users.error.message}</p>;
  return (
    <div className="space-y-6">
      {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
      <table aria-label="Users" className="w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Active</th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((user) => (
            <tr key={user.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-1">{user.name}</td>
              <td>{user.email}</td>
              <td>
                <select aria-label={`Role of ${user.name}`} value={user.role} onChange={(e) => update.mutate({ id: user.id, patch: { role: e.target.value as Role } })} className={input}>
                  {ROLES.map((role) => (
                    <option key={role}>{role}</option>
                  ))}
                </select>
              </td>
              <td>
                <input type="checkbox" aria-label={`${user.name} is active`} checked={user.active} onChange={(e) => update.mutate({ id: user.id, patch: { active: e.target.checked } })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" onSubmit={add} aria-label="Add a user" className="flex flex-wrap items-end gap-2">
        <input name="name" aria-label="Name" placeholder="Name" required className={input} />
        <input name="email" type="email" aria-label="Email" placeholder="Email" required className={input} />
        <select name="role" aria-label="Role" defaultValue="editor" className={input}>
          {ROLES.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
        <input name="password" type="password" aria-label="Password" placeholder="Password (10+)" minLength={10} required className={input} />
        <button type="submit" className="rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white">
          Add user
        </button>
      </form>
    </div>
  );
}
