/** Why fetching a feed failed: an HTTP status (`"500"`), `timeout`, `too_large` or `network`. */
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
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new FeedFetchError("too_large", `The response is ${declared} bytes; the limit is ${maxBytes}.`);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FeedFetchError("too_large", `The response is over the limit of ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Fetches a feed with a conditional GET (If-None-Match / If-Modified-Since): a 304 means nothing new.
 * The whole exchange, body included, has a time budget and a size limit.
 */
export async function fetchFeed(request: FeedRequest): Promise<FeedResponse> {
  const headers: Record<string, string> = { "user-agent": "Wiredesk feed poller", accept: "*/*" };
  if (request.etag) headers["if-none-match"] = request.etag;
  if (request.lastModified) headers["if-modified-since"] = request.lastModified;
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, { headers, signal, redirect: "follow" });
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: "not_modified" };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedFetchError(String(response.status), `The feed answered ${response.status} ${response.statusText}`.trim() + ".");
    }
    const bytes = await readLimited(response, request.maxBytes);
    return { kind: "body", status: response.status, bytes, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if (signal.aborted) throw new FeedFetchError("timeout", `No complete answer within ${request.timeoutMs} ms.`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FeedFetchError("network", `Could not fetch the feed: ${cause?.code ?? cause?.message ?? (error as Error).message}.`);
  }
}
