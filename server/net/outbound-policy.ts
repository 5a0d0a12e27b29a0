import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { AppError } from "../errors";
import { ipLiteral, isLocalName, nonPublicRange } from "./public-address";

/** Resolves a host name to all its addresses (dns.lookup's `all: true` form). */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

/**
 * Where server-side requests (pull feeds, webhooks, anything that fetches a URL an admin typed) may go.
 * By default only public addresses; `allowPrivate` (WIREDESK_ALLOW_PRIVATE_URLS=1) lifts that for an
 * agency server on the newsroom's own network and for tests with local receivers.
 */
export interface OutboundPolicy {
  allowPrivate: boolean;
  /** Name resolution (dns.lookup by default; tests put in a fixed answer). */
  resolveAll: ResolveAll;
  /** Decides one address; the default refuses every non-public range (see {@link nonPublicRange}). */
  refusal?: (address: string) => string | null;
}

const systemResolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true } satisfies LookupAllOptions, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** The policy from the environment: public addresses only unless WIREDESK_ALLOW_PRIVATE_URLS=1. */
export function outboundPolicy(allowPrivate: boolean): OutboundPolicy {
  return { allowPrivate, resolveAll: systemResolveAll };
}

/** Thrown when a URL or the address it resolves to may not be reached; its message names the reason. */
export class OutboundRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefusedError";
  }
}

function refusedMessage(host: string, address: string, range: string): string {
  const where = host === address ? address : `${host} (${address})`;
  return `${where} is a private or loopback address (${range}); only public addresses may be reached. Set WIREDESK_ALLOW_PRIVATE_URLS=1 for a server on your own network.`;
}

/** Why this address may not be reached under the policy, or null when it may. */
export function addressRefusal(policy: OutboundPolicy, host: string, address: string): string | null {
  if (policy.allowPrivate) return null;
  const range = (policy.refusal ?? nonPublicRange)(address);
  return range ? refusedMessage(host, address, range) : null;
}

/**
 * Why a URL may not be requested before any lookup or connection (an IP literal in a non-public range
 * in any spelling the URL parser accepts, or a `localhost` name), or null. Names are checked again on
 * the addresses they resolve to, at every connection.
 */
export function urlRefusal(policy: OutboundPolicy, url: URL): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Only http:// and https:// URLs may be fetched.";
  if (policy.allowPrivate) return null;
  const literal = ipLiteral(url.hostname);
  if (literal) return addressRefusal(policy, literal, literal);
  if (isLocalName(url.hostname)) return refusedMessage(url.hostname, "127.0.0.1", "loopback");
  return null;
}

/** Refuses (400 naming the reason) a URL an admin typed that could only reach a non-public address. */
export function assertOutboundUrl(policy: OutboundPolicy, url: string, field = "url"): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("bad_request", `${field}: not a valid URL`);
  }
  const refusal = urlRefusal(policy, parsed);
  if (refusal) throw new AppError("bad_request", `${field}: ${refusal}`);
}
