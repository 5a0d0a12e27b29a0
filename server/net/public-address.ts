import ipaddr from "ipaddr.js";

/** Words for the ranges a server-side request must not reach (ipaddr.js range names). */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  loopback: "loopback",
  unspecified: "unspecified (this host)",
  private: "private",
  uniqueLocal: "private (unique local)",
  linkLocal: "link-local",
  carrierGradeNat: "shared (carrier-grade NAT)",
  multicast: "multicast",
  broadcast: "broadcast",
};

/**
 * Why an IP address is not a public one (`"loopback"`, `"private"`, `"link-local"`...), or null when it
 * is public unicast. IPv4-mapped IPv6 is judged as the IPv4 address it carries; every range other than
 * plain unicast (NAT64, 6to4, Teredo, documentation, reserved...) counts as non-public.
 */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return null;
  return RANGE_WORDS[range] ?? `reserved (${range})`;
}

/** The host of a URL as an IP literal (brackets of IPv6 removed), or null when it is a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

/** True for names that always mean this host (`localhost`, `*.localhost`, with or without the final dot). */
export function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}
