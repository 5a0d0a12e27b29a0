import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import type { AppContext } from "../app-context";
import type { Actor } from "../auth/actor";
import type { Role } from "../contract/auth";

/**
 * Who may call a route: anyone, an ingest token, the metrics scraper (`WIREDESK_METRICS_TOKEN`; the
 * route is 404 without one), or a signed-in user with at least this role.
 */
export type Access = "public" | "ingest" | "metrics" | Role;

/** What a handler gets for one request. */
export interface RouteRequest {
  ctx: AppContext;
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  actor: Actor;
  address: string;
  isSecure: boolean;
  /** Reads the raw body, refusing more than `limit` bytes with 413. */
  body: (limit?: number) => Promise<Buffer>;
  /** Reads and validates a JSON body with a zod schema (400 with the first problem when it does not fit). */
  json: <S extends z.ZodType>(schema: S, limit?: number) => Promise<z.infer<S>>;
}

/** What a handler answers: a JSON body (the resource itself) or raw text. */
export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

/** One row of the route table, which is also the authorization matrix. */
export interface Route {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  access: Access;
  handler: (request: RouteRequest) => Promise<RouteResponse>;
}

/** Narrows the actor to a signed-in user (routes with a role access always have one). */
export function requireUser(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new Error("route reached without a signed-in user");
  return actor;
}
