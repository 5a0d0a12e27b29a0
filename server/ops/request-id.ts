import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

const requests = new AsyncLocalStorage<{ requestId: string }>();
const SAFE_ID = /^[\w.:-]{1,64}$/;

/** The id of a request: a proxy's `X-Request-Id` when it is a plain token, else a fresh UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && SAFE_ID.test(given) ? given : randomUUID();
}

/** Runs `fn` (and everything it awaits) as part of request `requestId`: its log lines carry the id. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requests.run({ requestId }, fn);
}

/** Fields pino adds to every line logged inside a request (`{requestId}`), or nothing outside one. */
export function requestLogFields(): { requestId?: string } {
  return requests.getStore() ?? {};
}
