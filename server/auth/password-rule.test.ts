import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";
import { passwordWeakness } from "./password-rule";

describe("the password rule refuses only the weakest passwords", () => {
  it.each(["aaaaaaaaaa", "0000000000", "abcdefghijk", "9876543210", "1234567890", "qwertyuiop", "password123", "Password1234", "iloveyou12"])("refuses %s", (password) => {
    expect(passwordWeakness(password)).not.toBeNull();
  });

  it.each(["Correct-Horse-9", "correct horse battery", "wiredesk-demo", "Another-Horse-42"])("accepts %s (no strength score beyond that)", (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });
});

describe("changing to a weak password", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it("is refused with 400 naming the field; a fine one is taken", async () => {
    const { cookie } = await server.signIn("editor");
    const change = (newPassword: string) =>
      fetch(`${server.url}/api/auth/password`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword }) });
    const weak = await change("password123");
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { message: string } }).error.message).toMatch(/^newPassword: .*common/);
    expect((await change("Correct-Horse-9")).status).toBe(204);
  });
});
