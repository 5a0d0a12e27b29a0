import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { socketOrigin } from "./origin";

/** The Content-Security-Policy for a page: scripts only from this origin or with this request's nonce. */
export function contentSecurityPolicy(nonce: string, isDev: boolean, deskOrigin?: string): string {
  // The desk's own socket origin only (browsers differ on whether 'self' covers ws:), never every ws: host.
  const socket = deskOrigin ? socketOrigin(deskOrigin) : null;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${socket ? ` ${socket}` : ""}`,
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy of the public site's pages: they run no script at all (server-rendered HTML, no client
 * components), so they need no per-request nonce and their HTML can be cached.
 */
export function publicPagePolicy(isDev = false): string {
  // Development pages carry Next's refresh client (production builds drop every script: unstable_runtimeJS).
  return ["default-src 'self'", isDev ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : "script-src 'none'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self'", isDev ? "connect-src 'self'" : "connect-src 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"].join("; ");
}

/**
 * Sets the security headers on every answer (before Next or the API writes anything).
 * The CSP is also put on the request, where Next reads the nonce for its own script tags.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: { isSecure: boolean; isDev: boolean; publicPage?: boolean; deskOrigin?: string }): void {
  const csp = options.publicPage ? publicPagePolicy(options.isDev) : contentSecurityPolicy(randomBytes(16).toString("base64"), options.isDev, options.deskOrigin);
  req.headers["content-security-policy"] = csp;
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (options.isSecure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
