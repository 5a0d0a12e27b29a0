import { OutboundError, outboundRequest } from "../../net/outbound-request";
import type { OutboundPolicy } from "../../net/outbound-policy";

/**
 * Why fetching a feed failed: an HTTP status (`"500"`), `refused` (a private or loopback address),
 * `network`, `timeout`, `too_large` or `redirects`.
 */
export class FeedFetchError extends Error {
  readonly status: string;

  constructor(status: string, message: string) {
    super(message);
    this.status = status;
    this.name = "FeedFetchError";
  }
}

/** What a conditional GET brought back. */
export type FeedResponse =
  | { kind: "not_modified" }
  | { kind: "body"; status: number; bytes: Uint8Array; etag: string | null; lastModified: string | null };

/** Limits and validators of one conditional request. */
export interface FeedRequest {
  url: string;
  etag: string | null;
  lastModified: string | null;
  timeoutMs: number;
  maxBytes: number;
  /** GET by default; webhooks POST through the same code (and the same address rules). */
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** Where the request may go (public addresses only unless WIREDESK_ALLOW_PRIVATE_URLS=1). */
  policy: OutboundPolicy;
  /** Reuse connections to the same server (webhook receivers). */
  keepAlive?: boolean;
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * Fetches a feed with a conditional GET (If-None-Match / If-Modified-Since): a 304 means nothing new.
 * The whole exchange, body included, has a time budget and a size limit; the URL, every redirect and
 * every address a name resolves to are checked against the outbound policy before connecting.
 */
export async function fetchFeed(request: FeedRequest): Promise<FeedResponse> {
  const headers: Record<string, string> = { "user-agent": "Wiredesk feed poller", accept: "*/*", ...request.headers };
  if (request.etag) headers["if-none-match"] = request.etag;
  if (request.lastModified) headers["if-modified-since"] = request.lastModified;
  try {
    const response = await outboundRequest(request.policy, { url: request.url, method: request.method, body: request.body, headers, timeoutMs: request.timeoutMs, maxBytes: request.maxBytes, keepAlive: request.keepAlive });
    if (response.status === 304) return { kind: "not_modified" };
    if (response.status < 200 || response.status >= 300) {
      throw new FeedFetchError(String(response.status), `The feed answered ${response.status} ${response.statusText}`.trim() + ".");
    }
    return { kind: "body", status: response.status, bytes: response.bytes, etag: header(response.headers.etag), lastModified: header(response.headers["last-modified"]) };
  } catch (error) {
    if (error instanceof OutboundError) throw new FeedFetchError(error.kind, error.kind === "network" ? "Could not reach the feed's server." : error.message);
    throw error;
  }
}
