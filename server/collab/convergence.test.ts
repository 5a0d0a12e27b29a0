import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eventually, joinStory, waitStatus, type CollabClient } from "../testing/collab-client";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";

type Step =
  | { kind: "insert"; client: number; at: number; text: string }
  | { kind: "delete"; client: number; at: number; length: number }
  | { kind: "paragraph"; client: number; text: string }
  | { kind: "disconnect"; client: number }
  | { kind: "reconnect"; client: number };

const CLIENTS = 3;
const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("insert" as const), client, at: fc.nat(80), text: fc.string({ minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), client, at: fc.nat(80), length: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("paragraph" as const), client, text: fc.string({ minLength: 1, maxLength: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("disconnect" as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reconnect" as const), client }) },
);

function apply(c: CollabClient, s: Step): void {
  const doc = c.provider.doc;
  if (s.kind === "insert") {
    const text = doc.getText("headline");
    text.insert(Math.min(s.at, text.length), s.text);
  } else if (s.kind === "delete") {
    const text = doc.getText("headline");
    const at = Math.min(s.at, text.length);
    text.delete(at, Math.min(s.length, text.length - at));
  } else if (s.kind === "paragraph") {
    doc.transact(() => {
      const body = doc.getXmlFragment("body");
      const paragraph = new Y.XmlElement("paragraph");
      body.insert(body.length, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, s.text);
    });
  } else if (s.kind === "disconnect") {
    if (c.socket.active) c.socket.disconnect();
  } else if (!c.socket.active) c.socket.connect();
}

/** Waits for a client's updates to be acknowledged, failing with its state instead of hanging. */
async function idle(c: CollabClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not idle: ${c.provider.status} ${c.provider.error ?? ""} connected=${c.socket.connected}`)), 10_000);
  });
  try {
    await Promise.race([c.provider.whenIdle(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let server: TestServer;
let cookies: string[] = [];
beforeAll(async () => {
  // Compact every 20 updates, so runs cross compactions while clients are connected too.
  server = await startTestServer({ env: { WIREDESK_COLLAB_COMPACT_EVERY: "20" } });
  for (let i = 0; i < CLIENTS; i++) cookies.push((await server.signIn("editor")).cookie);
});
afterAll(async () => {
  cookies = [];
  await server.stop();
});

describe("co-editing convergence", () => {
  it("random concurrent edits from several real socket clients, with random disconnects, converge, also after compaction", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 60 }), async (steps) => {
        run += 1;
        const answer = (await (await server.ingest(ninjsStory({ uri: `urn:test:converge:${run}`, headline: "Start" }))).json()) as { stories: { id: string }[] };
        const id = answer.stories[0]!.id;
        const clients: CollabClient[] = [];
        for (const cookie of cookies) clients.push(await joinStory(server, cookie, id));
        try {
          for (const [index, s] of steps.entries()) {
            apply(clients[s.client]!, s);
            // Let some steps race the previous ones' round trips, and others wait for them.
            if (index % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
          }
          for (const c of clients) if (!c.socket.active) c.socket.connect();
          for (const c of clients) await waitStatus(c.provider, "synced");
          for (const c of clients) await idle(c);
          const [first, ...rest] = clients;
          await eventually(() => {
            for (const c of rest) {
              expect(c.headline()).toBe(first!.headline());
              expect(c.provider.doc.getXmlFragment("body").toJSON()).toBe(first!.provider.doc.getXmlFragment("body").toJSON());
            }
          });
          const headline = first!.headline();
          const body = first!.provider.doc.getXmlFragment("body").toJSON();
          for (const c of clients) c.close();
          clients.length = 0;
          // Everyone left: the document was compacted and unloaded. A newcomer loads it from the store.
          await eventually(() => expect(server.desk.collab.openCount).toBe(0));
          const late = await joinStory(server, cookies[0]!, id);
          clients.push(late);
          expect(late.headline()).toBe(headline);
          expect(late.provider.doc.getXmlFragment("body").toJSON()).toBe(body);
        } finally {
          for (const c of clients) c.close();
        }
      }),
      { numRuns: Number(process.env.CONVERGE_RUNS ?? 12), endOnFailure: true, ...(process.env.CONVERGE_SEED ? { seed: Number(process.env.CONVERGE_SEED), path: process.env.CONVERGE_PATH } : {}) },
    );
  }, 240_000);
});
