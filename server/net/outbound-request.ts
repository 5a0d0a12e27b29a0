import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { LookupAddress } from "node:dns";
import { addressRefusal, OutboundRefusedError, urlRefusal, type OutboundPolicy } from "./outbound-policy";

/** One server-side request to a URL an admin typed. */
export interface OutboundRequest {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** The budget of the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** The largest body read; more is refused. */
  maxBytes: number;
  /** Redirects followed for GET (each one checked like the first URL); POST never follows. */
  maxRedirects?: number;
  /** Reuse connections (webhooks post to the same few receivers again and again); a fresh one by default. */
  keepAlive?: boolean;
}

/** What came back: the status, headers and (for a 2xx) the body. */
export interface OutboundResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  bytes: Uint8Array;
  /** The URL that answered (after redirects). */
  url: string;
}

/**
 * Why an outbound request failed: `refused` (a non-public address, before connecting), `network` (the
 * server could not be reached: one text for refused, reset, unreachable and unresolvable, so the error
 * cannot be used to map ports), `timeout` (connected but no complete answer in time), `too_large`,
 * `redirects`.
 */
export class OutboundError extends Error {
  readonly kind: "refused" | "network" | "timeout" | "too_large" | "redirects";

  constructor(kind: OutboundError["kind"], message: string) {
    super(message);
    this.kind = kind;
    this.name = "OutboundError";
  }
}

const UNREACHABLE = "Could not reach the server.";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The `lookup` given to the socket: resolves the name, then refuses the connection when any address
 * it resolves to is not allowed. The check runs on the addresses the socket then connects to, so a
 * name that changes its answer between a check and the connection (DNS rebinding) cannot slip through.
 */
function guardedLookup(policy: OutboundPolicy): NonNullable<RequestOptions["lookup"]> {
  return (hostname, options, callback) => {
    policy
      .resolveAll(hostname)
      .then((found) => {
        const family = typeof options === "object" && options.family ? Number(options.family) : 0;
        const addresses = family === 4 || family === 6 ? found.filter((a) => a.family === family) : found;
        if (addresses.length === 0) throw Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" });
        for (const { address } of addresses) {
          const refusal = addressRefusal(policy, hostname, address);
          if (refusal) throw new OutboundRefusedError(refusal);
        }
        const all = typeof options === "object" && (options as { all?: boolean }).all;
        if (all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, "", 0));
  };
}

// Kept-alive connections per policy: a socket was checked by that policy's lookup when it connected.
const agents = new WeakMap<OutboundPolicy, { http: HttpAgent; https: HttpsAgent }>();

function agentFor(policy: OutboundPolicy, protocol: string): HttpAgent | false {
  let pair = agents.get(policy);
  if (!pair) {
    // Idle sockets close after 5 s and never keep the process alive.
    const options = { keepAlive: true, maxSockets: 8, maxFreeSockets: 4, timeout: 5000 };
    pair = { http: new HttpAgent(options), https: new HttpsAgent(options) };
    agents.set(policy, pair);
  }
  return protocol === "https:" ? pair.https : pair.http;
}

function exchange(policy: OutboundPolicy, url: URL, request: OutboundRequest, deadline: number): Promise<{ res: IncomingMessage; bytes: Uint8Array }> {
  const refusal = urlRefusal(policy, url);
  if (refusal) return Promise.reject(new OutboundRefusedError(refusal));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let isConnected = false;
    let isDone = false;
    const finish = (error: Error | null, value?: { res: IncomingMessage; bytes: Uint8Array }) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const req = send(url, { method: request.method ?? "GET", headers: request.headers, lookup: guardedLookup(policy), agent: request.keepAlive ? agentFor(policy, url.protocol) : false }, (res) => {
      const status = res.statusCode ?? 0;
      const isBody = status >= 200 && status < 300;
      const declared = Number(res.headers["content-length"] ?? "NaN");
      if (isBody && declared > request.maxBytes) return finish(new OutboundError("too_large", `The response is ${declared} bytes; the limit is ${request.maxBytes}.`));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (!isBody) return; // an error page or a redirect: its body is not needed
        size += chunk.length;
        if (size > request.maxBytes) return finish(new OutboundError("too_large", `The response is over the limit of ${request.maxBytes} bytes.`));
        chunks.push(chunk);
      });
      res.on("end", () => finish(null, { res, bytes: new Uint8Array(Buffer.concat(chunks)) }));
      res.on("error", (error) => finish(error));
    });
    req.on("socket", (socket) => {
      // A kept-alive socket is already connected (and would never emit connect again: no listener piles up).
      if (!socket.connecting) isConnected = true;
      else socket.once("connect", () => (isConnected = true));
    });
    req.on("error", (error) => {
      if (error instanceof OutboundRefusedError) return finish(error);
      finish(new OutboundError("network", UNREACHABLE));
    });
    const timer = setTimeout(() => {
      // Before the connection, a timeout is one more way of not reaching the server (filtered ports look the same).
      finish(isConnected ? new OutboundError("timeout", `No complete answer within ${request.timeoutMs} ms.`) : new OutboundError("network", UNREACHABLE));
    }, Math.max(0, deadline - Date.now()));
    req.end(request.body);
  });
}

/**
 * Makes one request under the outbound policy: the URL and every redirect target are checked before
 * anything is sent, and each name is checked on the addresses it resolves to at connection time.
 * Throws {@link OutboundError} (a refusal has kind `refused` and a message naming the address).
 */
export async function outboundRequest(policy: OutboundPolicy, request: OutboundRequest): Promise<OutboundResponse> {
  const deadline = Date.now() + request.timeoutMs;
  let url = new URL(request.url);
  const maxRedirects = request.method === "POST" ? 0 : (request.maxRedirects ?? 5);
  for (let hop = 0; ; hop++) {
    let answer: { res: IncomingMessage; bytes: Uint8Array };
    try {
      answer = await exchange(policy, url, request, deadline);
    } catch (error) {
      if (error instanceof OutboundRefusedError) throw new OutboundError("refused", error.message);
      throw error;
    }
    const { res, bytes } = answer;
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (REDIRECTS.has(status) && location && maxRedirects > 0) {
      if (hop >= maxRedirects) throw new OutboundError("redirects", `More than ${maxRedirects} redirects.`);
      url = new URL(location, url);
      continue;
    }
    return { status, statusText: res.statusMessage ?? "", headers: res.headers, bytes, url: url.toString() };
  }
}
