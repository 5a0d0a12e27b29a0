import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestErrorList, IngestResult } from "../../contract/ingest";
import { ninjsStory, startTestServer, type TestServer } from "../../testing/test-server";

let server: TestServer;
let admin: { cookie: string };
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn("admin");
});
afterAll(async () => server.stop());

async function listErrors(cookie = admin.cookie): Promise<IngestErrorList["deliveries"]> {
  const response = await fetch(`${server.url}/api/ingest/errors`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as IngestErrorList).deliveries;
}

async function quarantine(body: string, query = ""): Promise<{ id: number; message: string }> {
  const response = await server.ingest(body, query);
  expect(response.status).toBe(422);
  const { error } = (await response.json()) as { error: { message: string } };
  const entry = (await listErrors()).find((d) => d.errorMessage === error.message);
  expect(entry).toBeDefined();
  return { id: entry!.id, message: error.message };
}

describe("the ingest quarantine (admin)", () => {
  it("lists failed deliveries with channel, size, format and the reason, newest first", async () => {
    const first = await quarantine("this is not any wire format \u0000\u0001");
    const second = await quarantine(JSON.stringify({ hello: "world" }));
    const list = await listErrors();
    expect(list.map((d) => d.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(list[0]).toEqual({
      id: second.id,
      receivedAt: expect.any(String) as unknown,
      channel: "http",
      sourceName: expect.anything() as unknown,
      format: expect.toSatisfy((f: unknown) => f === null || typeof f === "string") as unknown,
      size: JSON.stringify({ hello: "world" }).length,
      errorCode: expect.any(String) as unknown,
      errorMessage: second.message,
    });
  });

  it("serves the bytes verbatim as an attachment", async () => {
    const body = "\u0001 broken \u00ff\u00fe wire bytes";
    const { id } = await quarantine(body);
    const raw = await fetch(`${server.url}/api/ingest/errors/${id}/raw`, { headers: { cookie: admin.cookie } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-type")).toBe("application/octet-stream");
    expect(raw.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="delivery-${id}\\.\\w+"$`));
    expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(body))).toBe(true);
  });

  it("a retry that still fails answers 422 with the reason and keeps the delivery listed", async () => {
    const { id, message } = await quarantine("<<< still not a wire format >>>");
    const retry = await fetch(`${server.url}/api/ingest/errors/${id}/retry`, { method: "POST", headers: { cookie: admin.cookie } });
    expect(retry.status).toBe(422);
    expect(((await retry.json()) as { error: { message: string } }).error.message).toBe(message);
    expect((await listErrors()).some((d) => d.id === id)).toBe(true);
  });

  it("a retry that the current parsers understand answers 201 with the stories and leaves the quarantine", async () => {
    // Forced to the wrong format on arrival, the ninjs story fails; the retry detects the format.
    const { id } = await quarantine(ninjsStory({ uri: "urn:test:retry", headline: "Rescued from quarantine" }), "?format=nitf");
    const retry = await fetch(`${server.url}/api/ingest/errors/${id}/retry`, { method: "POST", headers: { cookie: admin.cookie } });
    expect(retry.status).toBe(201);
    const result = (await retry.json()) as IngestResult;
    expect(result).toMatchObject({ deliveryId: id, format: "ninjs", stories: [{ guid: "urn:test:retry", outcome: "created" }] });
    const story = await fetch(`${server.url}/api/stories/${result.stories[0]!.id}`, { headers: { cookie: admin.cookie } });
    expect(((await story.json()) as { headline: string }).headline).toBe("Rescued from quarantine");
    expect((await listErrors()).some((d) => d.id === id)).toBe(false);
    const again = await fetch(`${server.url}/api/ingest/errors/${id}/retry`, { method: "POST", headers: { cookie: admin.cookie } });
    expect(again.status).toBe(404);
  });

  it("is for admins only", async () => {
    const { id } = await quarantine("nope nope nope \u0002");
    const editor = await server.signIn("editor");
    for (const [method, path] of [["GET", "/api/ingest/errors"], ["GET", `/api/ingest/errors/${id}/raw`], ["POST", `/api/ingest/errors/${id}/retry`]] as const) {
      expect((await fetch(`${server.url}${path}`, { method, headers: { cookie: editor.cookie } })).status).toBe(403);
      expect((await fetch(`${server.url}${path}`, { method })).status).toBe(401);
    }
    expect((await fetch(`${server.url}/api/ingest/errors/999999/raw`, { headers: { cookie: admin.cookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/api/ingest/errors/abc/raw`, { headers: { cookie: admin.cookie } })).status).toBe(404);
  });
});
