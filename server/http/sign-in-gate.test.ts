import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe("the first screen", () => {
  it("sends a browser without a session from a desk page to /login, from the server", async () => {
    for (const path of ["/", "/?story=abc", "/account", "/admin/desks", "/stories/abc"]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(303);
      expect(response.headers.get("location"), path).toBe("/login");
    }
  });

  it("sends an expired or unknown session there too", async () => {
    const response = await fetch(`${server.url}/`, { redirect: "manual", headers: { cookie: "wd_session=not-a-session" } });
    expect(response.status).toBe(303);
  });

  it("lets a signed-in user through to the page, and leaves the sign-in page and the public site alone", async () => {
    const { cookie } = await server.signIn("viewer");
    // The test server has no Next: the page handler answers 404, which shows the request got past the gate.
    expect((await fetch(`${server.url}/`, { redirect: "manual", headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/login`, { redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${server.url}/news`, { redirect: "manual" })).status).not.toBe(303);
  });
});
