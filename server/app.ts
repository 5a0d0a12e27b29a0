import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AppContext } from "./app-context";
import { closeContext } from "./context";
import { deskOrigins, requestOrigin } from "./http/origin";
import { ROUTE_TABLE } from "./http/route-table";
import { createRouter } from "./http/router";
import { applySecurityHeaders } from "./http/security-headers";
import { requestIdOf, withRequestId } from "./ops/request-id";
import { redirectToSignIn } from "./http/sign-in-gate";
import { createCachedPublicPages, type CachedPublicPages } from "./publishing/cached-public-pages";
import { answerPublicPage, isPublicPagePath } from "./publishing/public-pages";
import type { CollabHub } from "./collab/collab-hub";
import { attachRealtime } from "./realtime/attach";
import type { DeskServer } from "./realtime/socket-publisher";

/** Handles whatever the API does not: Next's pages in the real server, a 404 in API-only tests. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A running Wiredesk: one HTTP server, one Socket.IO server, one store, one publisher. */
export interface Wiredesk {
  ctx: AppContext;
  server: Server;
  io: DeskServer;
  /** The open co-edited documents of this process. */
  collab: CollabHub;
  /** The rendered public pages this process serves from memory. */
  publicPages: CachedPublicPages;
  listen(port: number, host?: string): Promise<number>;
  /** Stops gracefully: requests under way get up to `drainMs` (default 3 s) to finish. */
  close(drainMs?: number): Promise<void>;
  /** HTTP requests being answered right now. */
  inFlight(): number;
}

/** How long a graceful stop waits for requests under way (the whole stop must fit in 5 s). */
const DRAIN_MS = 3000;

const notFound: PageHandler = async (_req, res) => {
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "Not found." } }));
};

/** Creates the HTTP server (API first, then pages, the public ones from memory) with Socket.IO attached; does not listen yet. */
export function createWiredesk(ctx: AppContext, pages: PageHandler = notFound): Wiredesk {
  const api = createRouter(ctx, ROUTE_TABLE);
  const publicPages = createCachedPublicPages(ctx, pages);
  let inFlight = 0;
  const isDev = ctx.env.NODE_ENV === "development";
  const server = createServer((req, res) => {
    inFlight += 1;
    res.once("close", () => (inFlight -= 1));
    const requestId = requestIdOf(req);
    res.setHeader("x-request-id", requestId);
    // The path alone, never parsed as a URL here: a malformed target must reach the router, which answers 400.
    const publicPage = isPublicPagePath((req.url ?? "/").split("?", 1)[0] ?? "/");
    applySecurityHeaders(req, res, { isSecure: requestOrigin(req, ctx.env.WIREDESK_TRUST_PROXY).startsWith("https:"), isDev, publicPage, deskOrigin: deskOrigins(req, ctx.env)[0] });
    void withRequestId(requestId, () =>
      api(req, res)
        .then(async (handled) => (handled || (publicPage && (await answerPublicPage(ctx, req, res, (pathname) => publicPages.cache.has(pathname)))) || (await redirectToSignIn(ctx, req, res)) ? undefined : publicPages.handle(req, res)))
        .catch((error: unknown) => {
          ctx.logger.error({ err: error }, "unhandled request error");
          if (!res.headersSent) res.writeHead(500).end();
        }),
    );
  });
  const realtime = attachRealtime(server, ctx);
  return {
    ctx,
    server,
    io: realtime.io,
    inFlight: () => inFlight,
    collab: realtime.collab,
    publicPages,
    listen: async (port, host) => {
      await realtime.ready;
      return new Promise<number>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    close: async (drainMs = DRAIN_MS) => {
      // Graceful: /readyz says 503, no new connections, requests under way finish (up to drainMs),
      // then the sockets close without a disconnect packet so every desk reconnects and catches up.
      ctx.shuttingDown = true;
      server.close();
      const deadline = Date.now() + drainMs;
      while (inFlight > 0 && Date.now() < deadline) {
        server.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      server.closeIdleConnections();
      await realtime.close();
      publicPages.close();
      server.closeAllConnections();
      await closeContext(ctx);
    },
  };
}
