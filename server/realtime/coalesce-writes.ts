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

/** Coalesces the writes of every websocket connection of this engine (see {@link coalesce}). */
export function coalesceWebSocketWrites(engine: unknown): void {
  (engine as EngineServer).on("connection", (connection) => {
    coalesce(connection.transport);
    connection.on("upgrade", coalesce);
  });
}
