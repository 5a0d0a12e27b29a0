import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeProcessDb, getProcessDb } from "@/db/client";
import { setProcessContext, type AppContext } from "./app-context";
import { FailureLimiter } from "./auth/rate-limiter";
import { ParsePool } from "./ingest/parse-pool";
import type { Env } from "./env";
import { requestOrigin } from "./http/origin";
import { ROUTE_TABLE } from "./http/route-table";
import { createRouter } from "./http/router";
import { applySecurityHeaders } from "./http/security-headers";
import { createLogger, type Logger } from "./logger";
import { attachRealtime } from "./realtime/attach";
import { LatePublisher } from "./realtime/publisher";
import type { DeskServer } from "./realtime/socket-publisher";
import { createSqliteStore } from "./storage/sqlite/sqlite-store";

/** Handles whatever the API does not: Next's pages in the real server, a 404 in API-only tests. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A running Wiredesk: one HTTP server, one Socket.IO server, one store, one publisher. */
export interface Wiredesk {
  ctx: AppContext;
  server: Server;
  io: DeskServer;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const notFound: PageHandler = async (_req, res) => {
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "Not found." } }));
};

/** Builds the process context: the one store and publisher every entry point shares. */
export function createContext(
  env: Env,
  logger: Logger = createLogger(env.WIREDESK_LOG_LEVEL),
  options: { now?: () => number; parseBurstsOnWorker?: boolean } = {},
): AppContext {
  const db = getProcessDb(env.WIREDESK_DB, env.WIREDESK_SQLITE_SYNC);
  const now = options.now ?? Date.now;
  const ctx: AppContext = {
    env,
    store: createSqliteStore(db, { backgroundCheckpoints: { onError: (message) => logger.error(message) } }),
    publisher: new LatePublisher(),
    logger,
    loginLimits: { perAccount: new FailureLimiter(5, 15 * 60_000, now), perAddress: new FailureLimiter(50, 15 * 60_000, now) },
    parser: new ParsePool(env.WIREDESK_PARSE_BUDGET_MS, { burstsOnWorker: options.parseBurstsOnWorker }),
    now,
  };
  setProcessContext(ctx);
  return ctx;
}

/** Creates the HTTP server (API first, then pages) with Socket.IO attached; does not listen yet. */
export function createWiredesk(ctx: AppContext, pages: PageHandler = notFound): Wiredesk {
  const api = createRouter(ctx, ROUTE_TABLE);
  const isDev = ctx.env.NODE_ENV === "development";
  const server = createServer((req, res) => {
    applySecurityHeaders(req, res, { isSecure: requestOrigin(req, ctx.env.WIREDESK_TRUST_PROXY).startsWith("https:"), isDev });
    api(req, res)
      .then((handled) => (handled ? undefined : pages(req, res)))
      .catch((error: unknown) => {
        ctx.logger.error({ err: error }, "unhandled request error");
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  const realtime = attachRealtime(server, ctx);
  return {
    ctx,
    server,
    io: realtime.io,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: async () => {
      server.close();
      server.closeIdleConnections();
      await realtime.close();
      server.closeAllConnections();
      await ctx.parser.close();
      await ctx.store.close();
      closeProcessDb();
      setProcessContext(undefined);
    },
  };
}
