import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "../contract/auth";
import { CLIENT_EVENT_NAMES, type ClientToServerEvents } from "../contract/events";
import { nextEvent } from "../testing/socket-events";
import { startTestServer, type TestServer } from "../testing/test-server";
import { checkEventAccess, EVENT_ACCESS, guardEvents } from "./event-access";

// Compile-time half of the check: every event of ClientToServerEvents is in CLIENT_EVENT_NAMES.
type MissingFromNames = Exclude<keyof ClientToServerEvents, (typeof CLIENT_EVENT_NAMES)[number]>;
const everyEventNamed: [MissingFromNames] extends [never] ? true : MissingFromNames = true;

/** A valid payload for each client event, so an allowed event reaches its handler. */
const EXAMPLE_PAYLOADS: { [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]>[0] } = {
  "presence:set": { storyId: null, mode: "viewing" },
  // A story that does not exist: allowed events reach the handler and answer not_found or bad_request, never forbidden.
  "collab:join": { storyId: "no-such-story" },
  "collab:update": { storyId: "no-such-story", update: new Uint8Array([0, 0]) },
  "collab:awareness": { storyId: "no-such-story", update: new Uint8Array([0]) },
  "collab:leave": { storyId: "no-such-story" },
};

type Ack = { ok: true } | { ok: false; error: { code: string; message: string } };

let server: TestServer;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) cookies.set(role, (await server.signIn(role)).cookie);
});
afterAll(async () => server.stop());

async function connected(role: Role) {
  const socket = server.connect(cookies.get(role) ?? null);
  await nextEvent(socket, "sync:completed");
  return socket;
}

/** Emits a client event by name (the names come from the table, so the typed emit cannot be used). */
function emitWithAck(socket: ReturnType<TestServer["connect"]>, event: string, payload: unknown): Promise<Ack> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack> } };
  return raw.timeout(3000).emitWithAck(event, payload);
}

describe("socket event access", () => {
  it("has exactly one row for every client event of the contract", () => {
    expect(everyEventNamed).toBe(true);
    expect(Object.keys(EVENT_ACCESS).sort()).toEqual([...CLIENT_EVENT_NAMES].sort());
    expect(Object.keys(EXAMPLE_PAYLOADS).sort()).toEqual([...CLIENT_EVENT_NAMES].sort());
  });

  it("lets each role send exactly the events the table allows it", async () => {
    const actual: Record<string, Record<Role, "allowed" | "forbidden">> = {};
    const expected: typeof actual = {};
    for (const role of ROLES) {
      const socket = await connected(role);
      for (const event of CLIENT_EVENT_NAMES) {
        const ack = await emitWithAck(socket, event, EXAMPLE_PAYLOADS[event]);
        (actual[event] ??= {} as Record<Role, "allowed" | "forbidden">)[role] = !ack.ok && ack.error.code === "forbidden" ? "forbidden" : "allowed";
        (expected[event] ??= {} as Record<Role, "allowed" | "forbidden">)[role] = hasRole(role, EVENT_ACCESS[event]) ? "allowed" : "forbidden";
      }
      socket.disconnect();
    }
    expect(actual).toEqual(expected);
  });

  it("answers an event nobody declared with not_found, and the socket stays usable", async () => {
    const socket = await connected("admin");
    const ack = await emitWithAck(socket, "users:delete", { id: "x" });
    expect(ack).toEqual({ ok: false, error: { code: "not_found", message: 'Unknown command "users:delete".' } });
    expect(socket.connected).toBe(true);
    const again = await emitWithAck(socket, "presence:set", EXAMPLE_PAYLOADS["presence:set"]);
    expect(again).not.toMatchObject({ ok: false, error: { code: "not_found" } });
    socket.disconnect();
  });

  it("stops a refused event before its handler: the ack gets forbidden and the handler never runs", () => {
    const table: Record<string, Role> = { "story:publish": "chief" };
    expect(checkEventAccess("story:publish", "editor", table)).toEqual({ code: "forbidden", message: "This needs the chief role or higher." });
    expect(checkEventAccess("story:publish", "chief", table)).toBeNull();
    expect(checkEventAccess("story:publish", "not-a-role", table)?.code).toBe("forbidden");
    expect(checkEventAccess("toString", "admin", table)?.code).toBe("not_found"); // no prototype keys

    const acks: unknown[] = [];
    let handlerReached = 0;
    const guard = guardEvents({ data: { role: "editor" } }, table);
    guard(["story:publish", { id: "a" }, (result: unknown) => acks.push(result)], () => (handlerReached += 1));
    guard(["story:publish", { id: "a" }], () => (handlerReached += 1)); // no ack: silently dropped
    expect(handlerReached).toBe(0);
    expect(acks).toEqual([{ ok: false, error: { code: "forbidden", message: "This needs the chief role or higher." } }]);
    guardEvents({ data: { role: "admin" } }, table)(["story:publish", {}], () => (handlerReached += 1));
    expect(handlerReached).toBe(1);
  });
});
