import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../app-context";
import { authenticate, checkMetricsToken } from "./authenticate";
import { hasRole } from "../contract/auth";
import { AppError, toErrorBody } from "../errors";
import { clientAddress, deskOrigins, isSameOriginRequest, requestOrigin } from "./origin";
import { parseJsonBody, readBody } from "./read-body";
import type { Route, RouteRequest, RouteResponse } from "./route";

const JSON_LIMIT = 64 * 1024;

interface CompiledRoute extends Route {
  pattern: RegExp;
  keys: string[];
}

function compile(route: Route): CompiledRoute {
  const keys: string[] = [];
  const source = route.path.replace(/:([a-zA-Z]+)/g, (_m, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { ...route, pattern: new RegExp(`^${source}$`), keys };
}

function send(res: ServerResponse, response: RouteResponse): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (response.body === undefined) {
    res.writeHead(response.status).end();
    return;
  }
  if (response.body instanceof Uint8Array) {
    // Raw bytes (a quarantined delivery): sent verbatim, never interpreted.
    if (!res.hasHeader("content-type")) res.setHeader("content-type", "application/octet-stream");
    res.setHeader("cache-control", "no-store");
    res.writeHead(response.status).end(response.body);
    return;
  }
  const isText = typeof response.body === "string";
  res.setHeader("content-type", isText ? (res.getHeader("content-type") as string | undefined) ?? "text/plain; charset=utf-8" : "application/json; charset=utf-8");
  if (!res.hasHeader("cache-control")) res.setHeader("cache-control", "no-store"); // public outputs set their own
  res.writeHead(response.status).end(isText ? response.body : JSON.stringify(response.body));
}

function isAllowed(access: Route["access"], actor: RouteRequest["actor"]): boolean {
  if (access === "public" || access === "metrics") return true; // the metrics token is checked before
  if (access === "ingest") return actor.kind === "token";
  return actor.kind === "user" && hasRole(actor.role, access);
}

/** Builds the API request handler from the route table; answers false when no route matches the path. */
export function createRouter(ctx: AppContext, routes: readonly Route[]) {
  const compiled = routes.map(compile);
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const started = performance.now();
    const url = parseRequestUrl(req.url);
    if (!url) {
      // Not a path this server could have routes for: answered here, never passed on to the pages.
      send(res, { status: 400, body: { error: { code: "bad_request", message: "The request target is not a valid path." } } });
      return true;
    }
    const candidates = compiled.filter((r) => r.pattern.test(url.pathname));
    if (candidates.length === 0) return false;
    try {
      const method = req.method === "HEAD" ? "GET" : req.method;
      const route = candidates.find((r) => r.method === method);
      if (!route) throw new AppError("method_not_allowed", `${req.method} is not allowed here; use ${candidates.map((r) => r.method).join(", ")}.`);
      const trustProxy = ctx.env.WIREDESK_TRUST_PROXY;
      const origin = requestOrigin(req, trustProxy);
      if (route.method !== "GET" && !isSameOriginRequest(req, deskOrigins(req, ctx.env))) {
        throw new AppError("cross_origin", "Cross-site requests are refused.");
      }
      const match = route.pattern.exec(url.pathname)!;
      const params = Object.fromEntries(route.keys.map((k, i) => [k, decodePathParam(k, match[i + 1] ?? "")]));
      if (route.access === "metrics") checkMetricsToken(ctx, req);
      const actor: RouteRequest["actor"] = route.access === "metrics" ? { kind: "anonymous" } : await authenticate(ctx, req, route.access === "ingest" ? "token" : "session");
      if (!isAllowed(route.access, actor)) {
        if (actor.kind === "anonymous") throw new AppError("unauthorized", route.access === "ingest" ? "A valid ingest token is required." : "Sign in first.");
        throw new AppError("forbidden", `This needs the ${String(route.access)} role or higher.`);
      }
      const request: RouteRequest = {
        ctx,
        req,
        url,
        params,
        actor,
        address: clientAddress(req, trustProxy),
        isSecure: origin.startsWith("https:"),
        body: (limit = JSON_LIMIT) => readBody(req, limit),
        json: async (schema, limit = JSON_LIMIT) => parseJsonBody(await readBody(req, limit), schema),
      };
      send(res, await route.handler(request));
    } catch (error) {
      const { status, body } = toErrorBody(error);
      // A deliberate 503 (a busy node) is an answer, not a failure to log on every request of a flood.
      if (status >= 500 && !(error instanceof AppError)) ctx.logger.error({ err: error, path: url.pathname }, "request failed");
      const wait = error instanceof AppError ? error.retryAfterSeconds : null;
      if (!res.headersSent) send(res, { status, body, headers: wait !== null ? { "retry-after": String(wait) } : {} });
      else res.end();
    }
    // The path only: query strings and headers may carry secrets and never reach the log.
    ctx.logger.debug({ method: req.method, path: url.pathname, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 }, "api request");
    return true;
  };
}

/** The request target as a URL, or null when it cannot be one (absolute-form with a broken host...). */
function parseRequestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? "/", "http://internal");
  } catch {
    return null;
  }
}

/** Decodes one path parameter; a bad percent-encoding is the client's mistake (400), not a crash. */
function decodePathParam(name: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError("bad_request", `The path parameter "${name}" is not valid percent-encoded UTF-8.`);
  }
}
