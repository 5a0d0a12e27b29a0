import * as ws from "ws";

/** `ws`'s frame maker (exported by `ws`, not in its types). */
const Sender = (ws as unknown as { Sender: { frame(data: Buffer, options: { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean }): Buffer[] } }).Sender;

/** The engine.io parts a websocket's writes go through (not in Socket.IO's types). */
interface EngineTransport {
  name: string;
  send(packets: unknown[]): void;
  /** The `ws` WebSocket; its `_socket` is the TCP socket underneath. */
  socket?: { _socket?: { cork?: () => void; uncork?: () => void } };
}

interface EngineConnection {
  transport: EngineTransport;
  on(event: "upgrade", listener: (transport: EngineTransport) => void): void;
}

interface EngineServer {
  on(event: "connection", listener: (connection: EngineConnection) => void): void;
}

const wrapped = new WeakSet<EngineTransport>();

/**
 * Sends the packets engine.io hands a websocket together in one write to the kernel. Engine.io writes
 * one frame and holds what comes next until that write is done; what it holds then goes out in one
 * `send`, but `ws` writes each frame with its own system call. A desk that falls behind during a burst
 * (a wire flood, every desk's write-backs) would otherwise cost the server one call per story per desk.
 * The TCP socket is corked for the length of that one synchronous `send`: nothing waits for a timer.
 */
function coalesce(transport: EngineTransport): void {
  if (transport.name !== "websocket" || wrapped.has(transport)) return;
  const tcp = transport.socket?._socket;
  if (typeof tcp?.cork !== "function" || typeof tcp.uncork !== "function") return;
  wrapped.add(transport);
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    if (packets.length < 2) return send(packets);
    tcp.cork!();
    try {
      send(packets);
    } finally {
      tcp.uncork!();
    }
  };
}

/** The engine.io connection parts a whole batch of packets is written through (not in Socket.IO's types). */
interface EngineWriter {
  transport: { writable: boolean };
  write(data: string, options?: { wsPreEncodedFrame?: Buffer[] }): void;
  /** Hands the write buffer to the transport when it is writable. */
  flush(): void;
}

/** A Socket.IO packet as engine.io writes it, with its WebSocket frame made once for every connection. */
export interface PreparedPacket {
  data: string;
  frame: Buffer[];
}

/** Prepares a Socket.IO packet (an encoded string) for many connections, as Socket.IO's own broadcast does. */
export function preparePacket(data: string): PreparedPacket {
  // "4" is engine.io's "message" packet type; the frame is what `ws` would make for it (unmasked text, one fragment).
  const frame = Sender.frame(Buffer.from("4" + data), { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true });
  return { data, frame };
}

/**
 * Runs `send` with the connection's transport held, then hands the connection everything `send`
 * queued at once. Engine.io sends a connection's first packet at once and the rest after that write
 * is done: two writes to the kernel where one does, and a binary event's attachment after its header.
 * Held while they are queued, they go out in one `send` (one write, see {@link coalesce}). A transport
 * that is busy keeps them queued, as it would anyway.
 */
function writeTogether(conn: EngineWriter, send: () => void): void {
  const writable = conn.transport.writable;
  conn.transport.writable = false;
  try {
    send();
  } finally {
    conn.transport.writable = writable;
    if (writable) conn.flush();
  }
}

/** Writes prepared packets to one connection in one hand-over to its transport (see {@link writeTogether}). */
export function writeAll(connection: unknown, packets: readonly PreparedPacket[]): void {
  const conn = connection as EngineWriter;
  writeTogether(conn, () => {
    for (const packet of packets) conn.write(packet.data, { wsPreEncodedFrame: packet.frame });
  });
}

/** The Socket.IO client under a socket: how it hands a packet's encoded parts to engine.io (not in Socket.IO's types). */
interface SocketClient {
  conn: EngineWriter;
  writeToEngine(encoded: unknown, options: { volatile?: boolean; wsPreEncodedFrame?: Buffer[] }): void;
}

/**
 * Every event of this socket (sent to it alone or in a broadcast) reaches engine.io in one hand-over:
 * a binary event (a co-editing update, a join's answer) is a header and its attachments, which
 * engine.io would write apart, the attachments after the header's write is done. As Socket.IO's own
 * `writeToEngine`, with the packets written together (see {@link writeTogether}).
 */
export function writeEventsWhole(socket: unknown): void {
  const client = (socket as { client: SocketClient }).client;
  const writeOne = client.writeToEngine.bind(client);
  client.writeToEngine = (encoded, options) => {
    if (!Array.isArray(encoded) || encoded.length < 2) return writeOne(encoded, options);
    // A volatile event is dropped when the transport is busy, before anything is held.
    if (options.volatile && !client.conn.transport.writable) return;
    writeTogether(client.conn, () => {
      for (const packet of encoded) client.conn.write(packet as string, options);
    });
  };
}

/** Coalesces the writes of every websocket connection of this engine (see {@link coalesce}). */
export function coalesceWebSocketWrites(engine: unknown): void {
  (engine as EngineServer).on("connection", (connection) => {
    coalesce(connection.transport);
    connection.on("upgrade", coalesce);
  });
}
