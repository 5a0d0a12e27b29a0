import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_INGEST_TOKEN, type TestServer } from "../testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

describe("bad input gets a clear 4xx, never a 500", () => {
  it.each([
    ["not JSON", "{email:", 400, "not valid JSON"],
    ["missing password", JSON.stringify({ email: "a@b.c" }), 400, "password"],
    ["wrong types", JSON.stringify({ email: 42, password: [] }), 400, "email"],
    ["unknown account", JSON.stringify({ email: "who@x.y", password: "nope" }), 401, "Email or password is not right."],
  ])("login with %s", async (_name, body, status, message) => {
    const answer = await post("/api/auth/login", body);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.message).toContain(message);
  });

  it("ingest without a token is 401; with a session instead of a token, too", async () => {
    expect((await post("/api/ingest", "{}")).status).toBe(401);
    const { cookie } = await server.signIn("admin");
    expect((await post("/api/ingest", "{}", { cookie })).status).toBe(401);
  });

  it.each([
    ["an empty body", "", 400, "empty"],
    ["garbage bytes", "\u0000\u0001\u0002 not a wire format", 422, ""],
    ["JSON that is not a story", JSON.stringify({ hello: "world" }), 422, ""],
    ["an unknown ?format", "{}", 400, "Unknown format"],
  ])("ingest of %s", async (name, body, status, message) => {
    const query = name.includes("format") ? "?format=pdf" : "";
    const answer = await post(`/api/ingest${query}`, body, { authorization: `Bearer ${TEST_INGEST_TOKEN}` });
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBeTruthy();
    expect(answer.body.error?.message).toContain(message);
  });

  it("the stories API needs a session and validates its parameters", async () => {
    expect((await fetch(`${server.url}/api/stories`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/stories/abc`)).status).toBe(401);
    const { cookie } = await server.signIn("viewer");
    const bad = await fetch(`${server.url}/api/stories?urgencyMax=12`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("urgencyMax");
    const missing = await fetch(`${server.url}/api/stories/doesnotexist`, { headers: { cookie } });
    expect(missing.status).toBe(404);
  });

  it("healthz answers 200 while the database is reachable", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});
