import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserDto } from "../contract/auth";
import type { DeskDto } from "../contract/desk";
import { callApi } from "../testing/queue-fixtures";
import { startTestServer, type TestServer } from "../testing/test-server";
import { openTestStore } from "../testing/test-store";
import { listUsers } from "./service";

describe("the user list", () => {
  it("reads every user with their desks (in routing order) and settings in one query", async () => {
    const store = openTestStore();
    const { ctx, db } = store;
    try {
      const [first, second] = ["Politics", "Sport"].map((name, i) => ({ id: `desk-${i}`, name, createdAt: `2026-01-0${i + 1}T00:00:00.000Z` }));
      await ctx.store.desks.createDesk(second!, []);
      await ctx.store.desks.createDesk(first!, []);
      for (let i = 0; i < 30; i++) {
        // Straight to the store: thirty password hashes would only slow the test down.
        const user = await ctx.store.accounts.createUser({ id: `user-${i}`, email: `user${i}@test.wiredesk`, name: `User ${String(i).padStart(2, "0")}`, role: "editor", passwordHash: "unused", active: true });
        if (i % 3 === 0) await ctx.store.desks.setUserDesks(user.id, ["desk-1", "desk-0"]);
        if (i % 3 === 1) await ctx.store.desks.setUserDesks(user.id, ["desk-1"]);
        if (i % 2 === 0) await ctx.store.userData.updateSettings(user.id, { sound: false }, new Date().toISOString());
      }

      let statements = 0;
      const prepare = db.$client.prepare.bind(db.$client);
      db.$client.prepare = ((source: string) => {
        statements += 1;
        return prepare(source);
      });
      const users = await listUsers(ctx);
      db.$client.prepare = prepare;

      expect(statements).toBe(1);
      expect(users).toHaveLength(30);
      expect(users.map((u) => u.user.name)).toEqual([...users.map((u) => u.user.name)].sort());
      users.forEach(({ user, deskIds, settings }) => {
        const i = Number(user.email.match(/\d+/)![0]);
        expect(deskIds).toEqual([["desk-0", "desk-1"], ["desk-1"], []][i % 3]);
        expect(settings).toEqual({ sound: i % 2 !== 0, desktopNotifications: true });
      });
    } finally {
      store.close();
    }
  });
});

describe("user administration over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it("lists users as the admin screen shows them, with desks and settings", async () => {
    const admin = await server.signIn("admin");
    const editor = await server.signIn("editor");
    const desk = await callApi<DeskDto>(server, admin.cookie, "POST", "/api/desks", { name: "Wire", rules: [] });
    expect((await callApi(server, admin.cookie, "PUT", `/api/users/${editor.userId}/desks`, { deskIds: [desk.body.id] })).status).toBe(200);
    expect((await callApi(server, editor.cookie, "PATCH", "/api/auth/settings", { sound: false })).status).toBe(200);

    const { status, body } = await callApi<{ users: UserDto[] }>(server, admin.cookie, "GET", "/api/users");
    expect(status).toBe(200);
    expect(body.users.find((u) => u.id === editor.userId)).toMatchObject({ role: "editor", active: true, deskIds: [desk.body.id], settings: { sound: false, desktopNotifications: true } });
    expect(body.users.find((u) => u.id === admin.userId)).toMatchObject({ role: "admin", deskIds: [], settings: { sound: true, desktopNotifications: true } });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|scrypt/);
  });

  it("refuses an admin's own demotion or deactivation, even in a burst, and allows it by another admin", async () => {
    const admin = await server.signIn("admin");
    const other = await server.signIn("admin");
    const attempts = await Promise.all(
      Array.from({ length: 24 }, (_, i) => callApi<{ error: { message: string } }>(server, admin.cookie, "PATCH", `/api/users/${admin.userId}`, i % 2 ? { active: false } : { role: "editor" })),
    );
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body.error.message).toBe("You cannot deactivate or demote yourself; ask another admin.");
    }
    const me = await callApi<UserDto>(server, admin.cookie, "GET", "/api/auth/me");
    expect(me.body).toMatchObject({ role: "admin", active: true });
    expect((await callApi(server, admin.cookie, "PATCH", `/api/users/${admin.userId}`, { role: "admin" })).status).toBe(200);

    const demoted = await callApi<UserDto>(server, other.cookie, "PATCH", `/api/users/${admin.userId}`, { role: "chief" });
    expect(demoted).toMatchObject({ status: 200, body: { id: admin.userId, role: "chief", deskIds: [], settings: { sound: true } } });
  });

  it("answers 404 for sessions of a user who does not exist", async () => {
    const admin = await server.signIn("admin");
    const missing = await callApi<{ error: { code: string } }>(server, admin.cookie, "POST", "/api/users/nobody/revoke-sessions");
    expect(missing.status).toBe(404);
  });
});
