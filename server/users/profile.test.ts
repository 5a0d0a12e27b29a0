import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserDto } from "../contract/auth";
import { callApi } from "../testing/queue-fixtures";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

describe("per-user settings", () => {
  it("starts with alerts off, keeps each change and shows them in /api/auth/me", async () => {
    const { cookie } = await server.signIn("viewer");
    const me = await callApi<UserDto>(server, cookie, "GET", "/api/auth/me");
    expect(me.body).toMatchObject({ deskIds: [], settings: { sound: false, desktopNotifications: false } });

    const changed = await callApi(server, cookie, "PATCH", "/api/auth/settings", { sound: true });
    expect(changed).toEqual({ status: 200, body: { sound: true, desktopNotifications: false } });
    expect((await callApi(server, cookie, "PATCH", "/api/auth/settings", { desktopNotifications: true })).body).toEqual({ sound: true, desktopNotifications: true });
    expect((await callApi<UserDto>(server, cookie, "GET", "/api/auth/me")).body.settings).toEqual({ sound: true, desktopNotifications: true });

    const other = await server.signIn("viewer");
    expect((await callApi<UserDto>(server, other.cookie, "GET", "/api/auth/me")).body.settings).toEqual({ sound: false, desktopNotifications: false });
  });

  it("refuses unknown or mistyped settings with 400", async () => {
    const { cookie } = await server.signIn("viewer");
    const wrongType = await callApi<{ error: { message: string } }>(server, cookie, "PATCH", "/api/auth/settings", { sound: "yes" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toContain("sound");
    expect((await callApi(server, cookie, "PATCH", "/api/auth/settings", { volume: 11 })).status).toBe(400);
  });
});
