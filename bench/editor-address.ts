/** This load-generator process's number (set by startLoadGenerators): the second part of its editors' addresses. */
const WORKER_INDEX = Number(process.env.BENCH_WORKER_INDEX ?? 0);
let addressCount = 0;

/**
 * Headers for one editor's connection: its session cookie, and the address it says it comes from
 * (through the proxy the bench's Wiredesk trusts), one per editor, as each editor of a newsroom has
 * their own machine. From one address, the server's handshake limit (bursts of 500, then 100 a
 * second) would refuse the rest of a large desk. The bare baseline ignores the address.
 */
export function editorHeaders(cookie: string | null): Record<string, string> {
  const n = addressCount++;
  const address = `10.${WORKER_INDEX % 256}.${(n >> 8) % 256}.${n % 256}`;
  return { "x-forwarded-for": address, ...(cookie ? { cookie } : {}) };
}
