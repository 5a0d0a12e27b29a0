import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../app-context";
import { authenticate } from "./authenticate";

/** The desk's own pages: they need a session, so without one the server sends the browser to sign in. */
export function isDeskPagePath(pathname: string): boolean {
  return pathname === "/" || pathname === "/account" || pathname.startsWith("/stories/") || pathname.startsWith("/admin/") || pathname === "/admin";
}

/**
 * Answers a desk page asked for without a live session with a redirect to `/login` (303), so the first
 * screen is the sign-in form straight from the server, never a client-side "Loading…". True when answered.
 */
export async function redirectToSignIn(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
  if (!isDeskPagePath(pathname)) return false;
  const actor = await authenticate(ctx, req, "session");
  if (actor.kind === "user") return false;
  res.writeHead(303, { location: "/login", "cache-control": "no-store" }).end();
  return true;
}
