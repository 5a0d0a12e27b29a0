import { createHash, randomBytes } from "node:crypto";

/** The session cookie's name. */
export const SESSION_COOKIE = "wd_session";

/** A new random secret (session id or ingest token), 256 bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The hash under which a secret is stored; the secret itself is never stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value.length > 0 && value.length < 200 ? value : null;
    }
  }
  return null;
}

/** Builds the Set-Cookie value for a session (empty value + Max-Age=0 clears it). */
export function sessionCookie(value: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  const parts = [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.floor(options.maxAgeSeconds)}`];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}
