import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestErrorList, IngestResult } from "../contract/ingest";
import type { StoryDetail } from "../contract/story";
import { nextEvent, recordStoryEvents } from "../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { g2Story } from "../testing/wire-documents";
import { readSample } from "./parsers/testing/samples";

let server: TestServer;
let admin: { cookie: string };
beforeAll(async () => {
  server = await startTestServer({ env: { WIREDESK_MAX_DELIVERY_BYTES: "1048576" } });
  admin = await server.signIn("admin");
});
afterAll(async () => server.stop());

async function ingest(body: string | Uint8Array, query = ""): Promise<{ status: number; body: IngestResult & { error?: { code: string; message: string } } }> {
  const response = await server.ingest(body, query);
  return { status: response.status, body: (await response.json()) as IngestResult & { error?: { code: string; message: string } } };
}

async function getStory(id: string): Promise<StoryDetail> {
  const response = await fetch(`${server.url}/api/stories/${id}`, { headers: { cookie: admin.cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as StoryDetail;
}

async function versionsOf(id: string): Promise<number[]> {
  const response = await fetch(`${server.url}/api/stories/${id}/versions`, { headers: { cookie: admin.cookie } });
  return ((await response.json()) as { versions: { agencyVersion: number }[] }).versions.map((v) => v.agencyVersion);
}

function count(sql: string, ...params: unknown[]): number {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("HTTP ingest end to end", () => {
  it("answers 201 with the stories of a real agency file, readable through the stories API", async () => {
    const answer = await ingest(readSample("newsml-g2/dpa/eil.xml"));
    expect(answer.status).toBe(201);
    expect(answer.body.format).toBe("newsml-g2");
    expect(answer.body.stories).toEqual([
      { id: expect.any(String) as unknown, guid: "urn:newsml:dpa.com:20090101:240925-930-242744", agencyVersion: 1, outcome: "created" },
    ]);
    const story = await getStory(answer.body.stories[0]!.id);
    expect(story).toMatchObject({ headline: "Grünen-Spitze tritt nach Wahlniederlagen ab", urgency: 2, state: "incoming" });
  });

  it("answers 413 past the size limit and keeps nothing", async () => {
    const before = count("select count(*) as n from deliveries");
    const answer = await ingest(new Uint8Array(1048576 + 1).fill(0x41));
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe("payload_too_large");
    expect(count("select count(*) as n from deliveries")).toBe(before);
  });

  it("answers 422 with a precise message for unparseable bytes, and keeps them verbatim in the listed quarantine", async () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?>\n<nitf><head><title>Broken</title></head><body><p>never closed</body>');
    const answer = await ingest(bytes);
    expect(answer.status).toBe(422);
    expect(answer.body.error?.code).toBe("unparseable");
    expect(answer.body.error?.message).toMatch(/\S{10,}/);

    const list = await fetch(`${server.url}/api/ingest/errors`, { headers: { cookie: admin.cookie } });
    const { deliveries } = (await list.json()) as IngestErrorList;
    const quarantined = deliveries.find((d) => d.errorMessage === answer.body.error?.message);
    expect(quarantined).toMatchObject({ channel: "http", size: bytes.length, errorCode: expect.any(String) as unknown });
    const raw = await fetch(`${server.url}/api/ingest/errors/${quarantined!.id}/raw`, { headers: { cookie: admin.cookie } });
    expect(new Uint8Array(await raw.arrayBuffer())).toEqual(bytes);
  });
});

describe("versions, duplicates, supersedes and kills", () => {
  it("stores the same delivery once: identical bytes, and the same guid and version in other bytes", async () => {
    const bytes = ninjsStory({ uri: "urn:test:dup", version: 3, headline: "Sent twice" });
    const first = await ingest(bytes);
    const again = await ingest(bytes);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.stories[0]).toMatchObject({ id: first.body.stories[0]!.id, outcome: "duplicate" });
    expect(again.body.deliveryId).toBe(first.body.deliveryId);

    const sameVersion = await ingest(ninjsStory({ uri: "urn:test:dup", version: 3, headline: "Sent twice, other bytes" }));
    expect(sameVersion.body.stories[0]).toMatchObject({ id: first.body.stories[0]!.id, outcome: "duplicate" });
    expect(count("select count(*) as n from stories where guid = ?", "urn:test:dup")).toBe(1);
    expect(await versionsOf(first.body.stories[0]!.id)).toEqual([3]);
    expect((await getStory(first.body.stories[0]!.id)).headline).toBe("Sent twice");
  });

  it("a higher version updates the story and keeps the older one in history (versions compare as numbers)", async () => {
    const v1 = await ingest(g2Story({ guid: "urn:test:reuters", version: 978556838, headline: "First take" }));
    const v2 = await ingest(g2Story({ guid: "urn:test:reuters", version: 1542761538, headline: "Second take" }));
    expect(v2.body.stories[0]).toMatchObject({ id: v1.body.stories[0]!.id, outcome: "updated" });
    const story = await getStory(v1.body.stories[0]!.id);
    expect(story).toMatchObject({ headline: "Second take", agencyVersion: 1542761538, versionCount: 2 });
    expect(await versionsOf(story.id)).toEqual([978556838, 1542761538]);
  });

  it("an older version arriving late is kept in history but does not overwrite", async () => {
    const v3 = await ingest(ninjsStory({ uri: "urn:test:late", version: 3, headline: "Version three" }));
    const id = v3.body.stories[0]!.id;
    const before = await getStory(id);
    const v2 = await ingest(ninjsStory({ uri: "urn:test:late", version: 2, headline: "Version two, late" }));
    expect(v2.body.stories[0]).toMatchObject({ id, outcome: "older" });
    const after = await getStory(id);
    expect(after).toMatchObject({ headline: "Version three", agencyVersion: 3, rev: before.rev, seq: before.seq });
    expect(await versionsOf(id)).toEqual([2, 3]);
  });

  it("follows supersedes links: a new guid naming an old one updates that story; the old guid arriving late does not", async () => {
    const old = await ingest(g2Story({ guid: "urn:test:tt:take1", headline: "First take of the story" }));
    const id = old.body.stories[0]!.id;
    const replacement = await ingest(g2Story({ guid: "urn:test:tt:take2", headline: "Second take replaces the first", supersedes: ["urn:test:tt:take1"] }));
    expect(replacement.body.stories[0]).toMatchObject({ id, guid: "urn:test:tt:take2", outcome: "updated" });
    expect(await getStory(id)).toMatchObject({ guid: "urn:test:tt:take2", headline: "Second take replaces the first", supersedes: ["urn:test:tt:take1"] });

    const lateOld = await ingest(g2Story({ guid: "urn:test:tt:take1", version: 2, headline: "A late correction of take one" }));
    expect(lateOld.body.stories[0]).toMatchObject({ id, outcome: "older" });
    expect((await getStory(id)).headline).toBe("Second take replaces the first");
    expect(count("select count(*) as n from stories where id = ?", id)).toBe(1);
  });

  it("pubStatus canceled kills the story everywhere: state killed in the API and pushed to every desk", async () => {
    const created = await ingest(g2Story({ guid: "urn:test:kill", version: 1, headline: "Story to be killed" }));
    const id = created.body.stories[0]!.id;
    const editor = await server.signIn("editor");
    const viewer = await server.signIn("viewer");
    const sockets = [server.connect(editor.cookie), server.connect(viewer.cookie)];
    await Promise.all(sockets.map((s) => nextEvent(s, "sync:completed")));
    const recorders = sockets.map(recordStoryEvents);

    const kill = await ingest(g2Story({ guid: "urn:test:kill", version: 2, headline: "Story to be killed", pubStatus: "canceled" }));
    expect(kill.body.stories[0]).toMatchObject({ id, outcome: "updated" });
    for (const recorder of recorders) {
      const [event] = await recorder.waitFor(1);
      expect(event!.story).toMatchObject({ id, state: "killed", pubStatus: "canceled" });
    }
    expect(await getStory(id)).toMatchObject({ state: "killed", pubStatus: "canceled" });
    const queue = await fetch(`${server.url}/api/stories?limit=200`, { headers: { cookie: viewer.cookie } });
    const listed = ((await queue.json()) as { stories: { id: string; state: string }[] }).stories.find((s) => s.id === id);
    expect(listed?.state).toBe("killed");
  });

  it("a kill that is not newer than the shown version still kills", async () => {
    const created = await ingest(ninjsStory({ uri: "urn:test:kill-same", version: 4, headline: "Killed at the same version" }));
    const kill = await ingest(ninjsStory({ uri: "urn:test:kill-same", version: 4, headline: "Killed at the same version", pubstatus: "canceled" }));
    expect(kill.body.stories[0]).toMatchObject({ id: created.body.stories[0]!.id, outcome: "updated" });
    expect(await getStory(created.body.stories[0]!.id)).toMatchObject({ state: "killed", headline: "Killed at the same version" });
  });

  it("flags an agency update on a story an editor has taken", async () => {
    const created = await ingest(ninjsStory({ uri: "urn:test:taken", version: 1, headline: "Taken story" }));
    const id = created.body.stories[0]!.id;
    const editor = await server.signIn("editor");
    const take = await fetch(`${server.url}/api/stories/${id}/actions/take`, { method: "POST", headers: { cookie: editor.cookie } });
    expect(take.status).toBe(200);
    expect((await getStory(id)).agencyUpdateVersion).toBeNull();
    await ingest(ninjsStory({ uri: "urn:test:taken", version: 2, headline: "Taken story, new version" }));
    // The desk's copy stays the desk's: the new version is kept in history and flagged for the editor to bring in.
    expect(await getStory(id)).toMatchObject({ agencyUpdateVersion: 2, agencyVersion: 2, state: "in_progress", headline: "Taken story" });
    const versions = (await (await fetch(`${server.url}/api/stories/${id}/versions`, { headers: { cookie: editor.cookie } })).json()) as { versions: { agencyVersion: number; normalized: { headline: string } }[] };
    expect(versions.versions.map((v) => [v.agencyVersion, v.normalized.headline])).toEqual([
      [1, "Taken story"],
      [2, "Taken story, new version"],
    ]);
  });
});
