import { queryOptions } from "@tanstack/react-query";
import type { IngestErrorList } from "@/server/contract/ingest";
import { fetchJson } from "../api/fetch-json";

/** Query keys and fetchers for the ingest quarantine. */
export const ingestQueries = {
  all: () => ["ingest"] as const,
  errors: () => queryOptions({ queryKey: ["ingest", "errors"] as const, queryFn: () => fetchJson<IngestErrorList>("/api/ingest/errors") }),
};
