import type { IncomingMessage } from "node:http";

/** The scheme and host this request reached, honouring X-Forwarded-* only when the proxy is trusted. */
export function requestOrigin(req: IncomingMessage, trustProxy: boolean): string {
  const forwardedProto = trustProxy ? String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() : "";
  const forwardedHost = trustProxy ? String(req.headers["x-forwarded-host"] ?? "").split(",")[0]?.trim() : "";
  const isTls = "encrypted" in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const proto = forwardedProto || (isTls ? "https" : "http");
  return `${proto}://${forwardedHost || req.headers.host || "localhost"}`;
}

/** The client's address: the first X-Forwarded-For hop only behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const first = String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/**
 * True when a state-changing request may come from this origin: the Origin header (or, without it,
 * Sec-Fetch-Site) must say same origin. Requests from non-browser clients carry neither and pass.
 */
export function isSameOriginRequest(req: IncomingMessage, ownOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return ownOrigins.includes(origin);
  const site = req.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}

/**
 * The desk's own origin(s) for origin checks: WIREDESK_PUBLIC_URL's when it is set (the Host header
 * is then not believed), otherwise the origin this request reached.
 */
export function deskOrigins(req: IncomingMessage, env: { WIREDESK_PUBLIC_URL?: string; WIREDESK_TRUST_PROXY: boolean }): string[] {
  return env.WIREDESK_PUBLIC_URL ? [new URL(env.WIREDESK_PUBLIC_URL).origin] : [requestOrigin(req, env.WIREDESK_TRUST_PROXY)];
}

/** The WebSocket origin of a desk origin (`https://x` → `wss://x`), or null when the host is not a plain host[:port]. */
export function socketOrigin(origin: string): string | null {
  const match = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i.exec(origin);
  if (!match) return null;
  return `${match[1] === "https" ? "wss" : "ws"}://${match[2]}${match[3] ?? ""}`;
}
