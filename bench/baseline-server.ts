/**
 * The baseline: a bare Socket.IO 4.8 server (default options, no authentication, no database) on a
 * random port of 127.0.0.1, printed as `{"port":…}`. `POST /broadcast` with a JSON body emits it as
 * `story:upserted` to every connected client, so it is triggered over HTTP just like an ingest. For
 * co-editing it relays raw Yjs updates: `join` puts a socket in a room, `update` sends the bytes to the
 * rest of that room, stores nothing and acknowledges at once. Asked to (`desk-events`), it also sends every
 * client a stream of `story:upserted` the way Wiredesk sends its desks their events (PacedBroadcast, the
 * same code), so a turn of the relay can carry the desks' load without the rest of Wiredesk.
 */
import { createServer } from "node:http";
import { Server } from "socket.io";
import type { StoryUpsertedEvent } from "../server/contract/events";
import { PacedBroadcast } from "../server/realtime/paced-broadcast";
import type { DeskServer } from "../server/realtime/socket-publisher";
import { serveRpc } from "./ipc";
import { serverStatsHandlers } from "./server-stats";

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/broadcast") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    io.emit("story:upserted", JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(204).end();
  });
});
const io = new Server(server, { serveClient: false });
const DESK_ROOM = "desk";
io.on("connection", (socket) => {
  void socket.join(DESK_ROOM);
  socket.on("join", (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on("update", (payload: { room: string; update: Uint8Array }, ack: () => void) => {
    socket.to(payload.room).emit("updated", payload.update);
    ack();
  });
});

/**
 * The desks' events: `batch` copies of `event` (each with the next seq) every `everyMs`. Null stops them,
 * answering once every event given has gone out, so none spills into the next side's turn.
 */
let deskEvents: { timer: NodeJS.Timeout; broadcast: PacedBroadcast } | null = null;
async function sendDeskEvents(payload: { event: StoryUpsertedEvent; batch: number; everyMs: number } | null): Promise<boolean> {
  const running = deskEvents;
  deskEvents = null;
  if (running) {
    clearInterval(running.timer);
    await new Promise<void>((resolve) => running.broadcast.afterSent(resolve));
  }
  if (!payload) return true;
  const broadcast = new PacedBroadcast(io as unknown as DeskServer, DESK_ROOM);
  let seq = payload.event.seq;
  const timer = setInterval(() => broadcast.send(Array.from({ length: payload.batch }, () => ({ ...payload.event, seq: ++seq }))), payload.everyMs);
  deskEvents = { timer, broadcast };
  return true;
}

serveRpc({ ...serverStatsHandlers(), clients: () => io.engine.clientsCount, "desk-events": sendDeskEvents });

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
});

function stop(): void {
  setTimeout(() => process.exit(1), 3000).unref();
  io.disconnectSockets(true);
  void io.close(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
