import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { Writable } from "node:stream";

/** Renders a page: Next's request handler in the server, any handler of the same shape in tests. */
export type PageRenderer = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** One rendered answer held in memory: status, the headers the renderer set, and the body. */
export interface RenderedPage {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Stands in for the client's socket: collects what the response writes (status line, headers, body). */
class MemorySocket extends Writable {
  readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }

  /** Node's response sets socket timeouts; nothing to time out here. */
  setTimeout(): this {
    return this;
  }
}

const RENDER_TIMEOUT_MS = 10_000;

/**
 * Renders `path` as an anonymous reader would get it (GET, no cookie, no compression, a fixed host), into
 * memory: the answer never depends on who triggered the render, so it can be shared with every reader.
 * The renderer sees an ordinary Node request and response; only the socket under the response is memory.
 */
export async function renderPageToMemory(render: PageRenderer, path: string, extraHeaders: Record<string, string> = {}): Promise<RenderedPage> {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: "GET", url: path, httpVersion: "1.1", httpVersionMajor: 1, httpVersionMinor: 1, complete: true });
  req.headers = { host: "localhost", accept: "text/html", "accept-encoding": "identity", ...extraHeaders };
  req.push(null); // a GET without a body: the stream has ended
  const res = new ServerResponse(req);
  res.useChunkedEncodingByDefault = false; // without a length the body follows the headers as it is
  res.shouldKeepAlive = false;
  const socket = new MemorySocket();
  res.assignSocket(socket as unknown as Socket);
  let timer: NodeJS.Timeout | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`rendering ${path} took longer than ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS);
    res.once("finish", resolve);
  });
  try {
    await render(req, res);
    await finished;
  } finally {
    clearTimeout(timer);
    res.detachSocket(socket as unknown as Socket);
  }
  const raw = Buffer.concat(socket.chunks);
  const headerEnd = raw.indexOf("\r\n\r\n");
  if (headerEnd < 0) throw new Error(`rendering ${path} sent no headers`);
  return { status: res.statusCode, headers: parseHeaderBlock(raw.subarray(0, headerEnd).toString("latin1")), body: raw.subarray(headerEnd + 4) };
}

/** The header fields as sent (whether set one by one or given to writeHead), names in lower case. */
function parseHeaderBlock(block: string): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const line of block.split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const earlier = headers[name];
    headers[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return headers;
}
