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
  it("starts with FLASH alerts on, keeps each change and shows them in /api/auth/me", async () => {
    const { cookie } = await server.signIn("viewer");
    const me = await callApi<UserDto>(server, cookie, "GET", "/api/auth/me");
    expect(me.body).toMatchObject({ deskIds: [], settings: { sound: true, desktopNotifications: true } });
    expect(me.body.timeZone).toBe(server.desk.ctx.env.WIREDESK_TIME_ZONE);

    const changed = await callApi(server, cookie, "PATCH", "/api/auth/settings", { sound: false });
    expect(changed).toEqual({ status: 200, body: { sound: false, desktopNotifications: true } });
    expect((await callApi(server, cookie, "PATCH", "/api/auth/settings", { desktopNotifications: false })).body).toEqual({ sound: false, desktopNotifications: false });
    expect((await callApi<UserDto>(server, cookie, "GET", "/api/auth/me")).body.settings).toEqual({ sound: false, desktopNotifications: false });

    const other = await server.signIn("viewer");
    expect((await callApi<UserDto>(server, other.cookie, "GET", "/api/auth/me")).body.settings).toEqual({ sound: true, desktopNotifications: true });
  });

  it("refuses unknown or mistyped settings with 400", async () => {
    const { cookie } = await server.signIn("viewer");
    const wrongType = await callApi<{ error: { message: string } }>(server, cookie, "PATCH", "/api/auth/settings", { sound: "yes" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toContain("sound");
    expect((await callApi(server, cookie, "PATCH", "/api/auth/settings", { volume: 11 })).status).toBe(400);
  });
});
