import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "../contract/auth";
import { minimalRequest, routeKey } from "../testing/route-walk";
import { startTestServer, TEST_INGEST_TOKEN, type TestServer } from "../testing/test-server";
import type { Access } from "./route";
import { ROUTE_TABLE } from "./route-table";

/**
 * The hand-written half of the authorization matrix: every route and who may call it.
 * Adding a route to ROUTE_TABLE without a row here (or changing a route's access) fails this test,
 * so every new door is looked at on purpose.
 */
const EXPECTED_ACCESS: Record<string, Access> = {
  "GET /healthz": "public",
  "GET /readyz": "public",
  "GET /metrics": "metrics",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "viewer",
  "GET /api/auth/me": "viewer",
  "POST /api/auth/password": "viewer",
  "GET /api/stories": "viewer",
  "POST /api/stories": "editor",
  "GET /api/stories/:id": "viewer",
  "PATCH /api/stories/:id": "editor",
  "GET /api/stories/:id/versions": "viewer",
  "POST /api/stories/:id/actions/:action": "editor",
  "POST /api/ingest": "ingest",
  "GET /api/users": "admin",
  "POST /api/users": "admin",
  "PATCH /api/users/:id": "admin",
  "POST /api/users/:id/revoke-sessions": "admin",
  "GET /api/ingest-tokens": "admin",
  "POST /api/ingest-tokens": "admin",
  "DELETE /api/ingest-tokens/:id": "admin",
  "GET /api/audit": "admin",
  "GET /api/stories/:id/diff": "viewer",
  "GET /api/stories/:id/desk-versions": "viewer",
  "GET /api/stories/:id/desk-diff": "viewer",
  "POST /api/stories/:id/desk-versions/:versionId/restore": "editor",
  "POST /api/stories/:id/agency-update/bring-in": "editor",
  "GET /api/ingest/errors": "admin",
  "GET /api/ingest/errors/:id/raw": "admin",
  "POST /api/ingest/errors/:id/retry": "admin",
  "GET /api/feeds": "admin",
  "POST /api/feeds": "admin",
  "PATCH /api/feeds/:id": "admin",
  "DELETE /api/feeds/:id": "admin",
  "POST /api/feeds/:id/poll": "admin",
  "POST /api/stories/:id/read": "viewer",
  "DELETE /api/stories/:id/read": "viewer",
  "GET /api/stats": "viewer",
  "PATCH /api/auth/settings": "viewer",
  "GET /api/saved-searches": "viewer",
  "POST /api/saved-searches": "viewer",
  "POST /api/saved-searches/:id/open": "viewer",
  "DELETE /api/saved-searches/:id": "viewer",
  "GET /api/desks": "viewer",
  "POST /api/desks": "admin",
  "PUT /api/desks/order": "admin",
  "PATCH /api/desks/:id": "admin",
  "DELETE /api/desks/:id": "admin",
  "PUT /api/users/:id/desks": "admin",
  "GET /api/stories/:id/history": "viewer",
  "GET /feed.rss": "public",
  "GET /feed.atom": "public",
  "GET /api/v1/published": "public",
  "GET /api/v1/published/:id": "public",
  "GET /api/v1/published/:id/newsml": "public",
  "GET /api/webhooks": "admin",
  "POST /api/webhooks": "admin",
  "PATCH /api/webhooks/:id": "admin",
  "DELETE /api/webhooks/:id": "admin",
  "GET /api/webhooks/:id/deliveries": "admin",
  "GET /api/alarms": "chief",
  "PUT /api/alarms/sources/:source": "admin",
};

type Caller = "anonymous" | "ingest token" | Role;
const CALLERS: readonly Caller[] = ["anonymous", "ingest token", ...ROLES];
type Verdict = "allowed" | 401 | 403;

/** What the router must answer a caller, derived from the route's access. */
function expectedVerdict(access: Access, caller: Caller): Verdict {
  if (access === "public") return "allowed";
  // Neither a session nor an ingest token opens the metrics: only the metrics token does (tested apart).
  if (access === "metrics") return 401;
  if (access === "ingest") return caller === "ingest token" ? "allowed" : 401;
  if (caller === "anonymous" || caller === "ingest token") return 401;
  return hasRole(caller, access) ? "allowed" : 403;
}

let server: TestServer;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  server = await startTestServer({ env: { WIREDESK_METRICS_TOKEN: "matrix-metrics-token-0123456789" } });
  for (const role of ROLES) cookies.set(role, (await server.signIn(role, `matrix-${role}@test.wiredesk`)).cookie);
});
afterAll(async () => server.stop());

/** The caller's credentials; a session ended by the logout route is replaced by a new one first. */
async function credentials(caller: Caller): Promise<Record<string, string>> {
  if (caller === "anonymous") return {};
  if (caller === "ingest token") return { authorization: `Bearer ${TEST_INGEST_TOKEN}` };
  const cookie = cookies.get(caller) ?? "";
  if ((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status === 200) return { cookie };
  const fresh = (await server.signIn(caller, `matrix-${caller}@test.wiredesk`)).cookie;
  cookies.set(caller, fresh);
  return { cookie: fresh };
}

describe("authorization matrix", () => {
  it("names every route of ROUTE_TABLE, with the access each route declares", () => {
    const declared = Object.fromEntries(ROUTE_TABLE.map((route) => [routeKey(route), route.access]));
    expect(Object.keys(declared).sort()).toEqual(Object.keys(EXPECTED_ACCESS).sort());
    expect(declared).toEqual(EXPECTED_ACCESS);
    expect(ROUTE_TABLE.length).toBe(Object.keys(declared).length); // no route declared twice
  });

  it("answers every route for anonymous, an ingest token, viewer, editor, chief and admin as the table says", async () => {
    const actual: Record<string, Record<Caller, Verdict>> = {};
    const expected: Record<string, Record<Caller, Verdict>> = {};
    for (const route of ROUTE_TABLE) {
      const key = routeKey(route);
      actual[key] = {} as Record<Caller, Verdict>;
      expected[key] = {} as Record<Caller, Verdict>;
      for (const caller of CALLERS) {
        const { url, init } = minimalRequest(server.url, route, await credentials(caller));
        const status = (await fetch(url, init)).status;
        actual[key][caller] = status === 401 || status === 403 ? status : "allowed";
        expected[key][caller] = expectedVerdict(EXPECTED_ACCESS[key] ?? route.access, caller);
      }
    }
    expect(actual).toEqual(expected);
  });

  it("refuses the way a user can tell apart: 401 says sign in, 403 names the role needed", async () => {
    const anonymous = await fetch(`${server.url}/api/users`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: "unauthorized", message: "Sign in first." } });
    const editor = await fetch(`${server.url}/api/users`, { headers: { cookie: cookies.get("editor") ?? "" } });
    expect(editor.status).toBe(403);
    expect(await editor.json()).toEqual({ error: { code: "forbidden", message: "This needs the admin role or higher." } });
  });
});
