import { isServer, QueryClient } from "@tanstack/react-query";
import { ApiError } from "@/components/api/fetch-json";

function makeQueryClient(): QueryClient {
  // The socket keeps data fresh; queries refetch only when invalidated. One retry for a network or
  // server failure; a refusal (4xx: a search that cannot be read, a story gone) is shown at once.
  const retry = (failures: number, error: Error) => failures < 1 && !(error instanceof ApiError && error.status < 500);
  return new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry } } });
}

let browserClient: QueryClient | undefined;

/** A new client per request on the server, one for the whole session in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
