import { isServer, QueryClient } from "@tanstack/react-query";

function makeQueryClient(): QueryClient {
  // The socket keeps data fresh; queries refetch only when invalidated.
  return new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } } });
}

let browserClient: QueryClient | undefined;

/** A new client per request on the server, one for the whole session in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
