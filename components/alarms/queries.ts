import { queryOptions } from "@tanstack/react-query";
import type { AlarmsDto } from "@/server/contract/alarms";
import { fetchJson } from "../api/fetch-json";

/** The desk's alarms (chiefs and admins), checked again every 15 seconds. */
export const alarmsQuery = queryOptions({
  queryKey: ["alarms"] as const,
  queryFn: () => fetchJson<AlarmsDto>("/api/alarms"),
  refetchInterval: 15_000,
});
