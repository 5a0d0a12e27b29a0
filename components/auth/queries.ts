import { queryOptions } from "@tanstack/react-query";
import type { UserDto } from "@/server/contract/auth";
import { fetchJson } from "../api/fetch-json";

/** The signed-in user, with their desks and alert settings. */
export const meQuery = queryOptions({ queryKey: ["me"] as const, queryFn: () => fetchJson<UserDto>("/api/auth/me") });
