import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../contract/events";
import { ChildServer } from "./child-server";

const TOKEN = "storm-run-ingest-token-0123456789";
const ADMIN = { email: "storm@storm.wiredesk", password: "storm-admin-password" };

/** What a reconnect storm found. */
export interface StormResult {
  clients: number;
  stories: number;
  drops: number;
  /** Clients whose stories (id → seq) differ from the database's at the end (must be 0). */
  clientsWrong: number;
  missing: number;
  stale: number;
  ms: number;
}

/** One desk: a socket that drops now and then and resumes from the last seq it completed. */
class StormClient {
  readonly stories = new Map<string, number>();
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private resumeSeq: number | undefined;
  private pendingMax = 0;
  private isSynced = false;
  stale = 0;
  private readonly url: () => string;
  private readonly cookie: string;

  constructor(url: () => string, cookie: string, startSeq: number) {
    this.url = url;
    this.cookie = cookie;
    this.resumeSeq = startSeq;
  }

  get synced(): boolean {
    return this.isSynced && this.socket?.connected === true;
  }

  connect(): void {
    this.isSynced = false;
    this.pendingMax = 0;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.url(), { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: this.cookie }, auth: { lastSeq: this.resumeSeq } });
    this.socket = socket;
    socket.on("story:upserted", ({ seq, story }) => {
      if ((this.stories.get(story.id) ?? 0) < seq) this.stories.set(story.id, seq);
      if (this.isSynced) this.resumeSeq = Math.max(this.resumeSeq ?? 0, seq);
      else this.pendingMax = Math.max(this.pendingMax, seq);
    });
    socket.on("sync:completed", ({ seq }) => {
      this.resumeSeq = Math.max(this.resumeSeq ?? 0, seq, this.pendingMax);
      this.isSynced = true;
    });
    socket.on("sync:stale", ({ seq }) => {
      // Too far behind: a browser refetches the list; here the test counts it (it must not happen).
      this.stale += 1;
      this.resumeSeq = seq;
      this.isSynced = true;
    });
    const retry = () => {
      if (this.socket !== socket) return;
      socket.removeAllListeners();
      socket.close();
      setTimeout(() => this.socket === socket && this.connect(), 300 + Math.random() * 700);
    };
    socket.on("connect_error", retry);
    socket.on("disconnect", retry);
  }

  /** Drops the connection and comes back after `ms`. */
  drop(ms: number): void {
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.close();
    setTimeout(() => this.socket === null && this.connect(), ms);
  }

  close(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.close();
  }
}

/**
 * `clients` desks connected while `ratePerSecond` stories arrive for `seconds`; every client drops
 * and reconnects at random (now and then for `longDropMs`), and the server restarts (SIGTERM) halfway.
 * At the end each client must hold exactly the database's stories, each at its latest seq.
 */
export async function stormRun(options: { clients: number; seconds: number; ratePerSecond: number; longDropMs: number }): Promise<StormResult> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-storm-"));
  const server = new ChildServer(path.join(dir, "storm.db"), { WIREDESK_INGEST_TOKEN: TOKEN, WIREDESK_ADMIN_EMAIL: ADMIN.email, WIREDESK_ADMIN_PASSWORD: ADMIN.password });
  const clients: StormClient[] = [];
  try {
    await server.start();
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    for (let i = 0; i < options.clients; i++) clients.push(new StormClient(() => server.url, cookie, 0));
    for (const client of clients) client.connect();

    let sent = 0;
    let drops = 0;
    const total = Math.round(options.seconds * options.ratePerSecond);
    const sender = (async () => {
      const t0 = Date.now();
      while (sent < total) {
        const due = t0 + (sent / options.ratePerSecond) * 1000;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        const body = JSON.stringify({ uri: `urn:storm:${sent}`, version: "1", type: "text", pubstatus: "usable", language: "en", headlines: [{ role: "main", value: `Storm story ${sent}` }], bodies: [{ role: "main", contenttype: "text/html", value: "<p>Body.</p>" }] });
        const ok = await fetch(`${server.url}/api/ingest?format=ninjs`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body }).then((r) => r.ok, () => false);
        if (ok) sent += 1;
        else await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const dropper = setInterval(() => {
      const client = clients[Math.floor(Math.random() * clients.length)]!;
      drops += 1;
      client.drop(Math.random() < 0.1 ? options.longDropMs : 200 + Math.random() * 2000);
    }, Math.max(20, 2000 / options.clients));
    await new Promise((r) => setTimeout(r, (options.seconds * 1000) / 2));
    await server.stop("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    await server.start();
    await sender;
    clearInterval(dropper);
    await new Promise((r) => setTimeout(r, options.longDropMs + 500));

    const db = new Database(server.dbFile, { readonly: true });
    const expected = new Map((db.prepare("select id, seq from stories").all() as { id: string; seq: number }[]).map((r) => [r.id, r.seq]));
    db.close();
    const matches = (client: StormClient) => client.stories.size === expected.size && [...expected].every(([id, seq]) => client.stories.get(id) === seq);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !clients.every((c) => c.synced && matches(c))) await new Promise((r) => setTimeout(r, 200));
    const wrong = clients.filter((c) => !matches(c));
    return {
      clients: clients.length,
      stories: expected.size,
      drops,
      clientsWrong: wrong.length,
      missing: wrong.reduce((n, c) => n + [...expected.keys()].filter((id) => !c.stories.has(id)).length, 0),
      stale: clients.reduce((n, c) => n + c.stale, 0),
      ms: Date.now() - started,
    };
  } finally {
    for (const client of clients) client.close();
    await server.stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}
