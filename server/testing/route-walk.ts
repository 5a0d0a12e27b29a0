import type { Route } from "../http/route";

/** The value put in for every `:param` of a route path: no such thing exists, so handlers answer 404/400. */
export const MISSING_PARAM = "zz-missing";

/** "METHOD path", the key of a route in the authorization tables. */
export function routeKey(route: Pick<Route, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}

/**
 * A minimal same-origin request for a route: params filled with {@link MISSING_PARAM}, an empty JSON
 * object as the body of non-GET routes. It reaches the handler, which may answer 400 or 404, but never
 * changes anything that exists.
 */
export function minimalRequest(baseUrl: string, route: Pick<Route, "method" | "path">, headers: Record<string, string> = {}): { url: string; init: RequestInit } {
  const path = route.path.replace(/:([a-zA-Z]+)/g, MISSING_PARAM);
  const isRead = route.method === "GET";
  return {
    url: `${baseUrl}${path}`,
    init: {
      method: route.method,
      headers: isRead ? headers : { origin: baseUrl, "content-type": "application/json", ...headers },
      body: isRead ? undefined : "{}",
      redirect: "manual",
    },
  };
}
