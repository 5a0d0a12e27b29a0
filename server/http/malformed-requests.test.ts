import { request } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server";
import { ROUTE_TABLE } from "./route-table";

let server: TestServer;
let adminCookie = "";
beforeAll(async () => {
  server = await startTestServer();
  adminCookie = (await server.signIn("admin")).cookie;
});
afterAll(async () => server.stop());

interface RawAnswer {
  status: number;
  body: string;
}

/** Sends bytes as they are: fetch would refuse or re-encode most of what is under test here. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("malformed requests get 4xx with a reason, never 500", () => {
  it.each([
    ["a truncated percent-encoding in a path parameter", "/api/stories/%E0%A4%A"],
    ["an invalid UTF-8 sequence in a path parameter", "/api/stories/%C3%28"],
    ["a lone percent sign", "/api/stories/100%"],
    ["a bad percent-encoding in the query", "/api/stories?q=%E0%A4%A&state=%ZZ"],
  ])("%s", async (_name, path) => {
    const answer = await raw("GET", path, { cookie: adminCookie });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it("a path that is not a path at all (absolute-form with a broken host) is 400", async () => {
    const answer = await raw("GET", "http://[::1/api/stories", { cookie: adminCookie });
    expect(answer.status).toBe(400);
  });

  it("garbage cookies and JSON bodies are 4xx", async () => {
    expect((await raw("GET", "/api/auth/me", { cookie: "wd_session=%E0%A4%A; =; ;;; x" })).status).toBe(401);
    const answer = await raw("POST", "/api/saved-searches", { cookie: adminCookie, "content-type": "application/json" }, '{"name": "\\uD800", "query": ');
    expect(answer.status).toBe(400);
  });
});

// Pieces a hostile or broken client puts in a request.
const junk = fc.oneof(
  fc.constantFrom("%", "%E0%A4%A", "%C3%28", "%ZZ", "%00", "%2F", "..", "%2e%2e", "\\", "%FF%FE", "%uD800", "a%20b", "%", "~", "%25", ":", "@"),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
  fc.stringMatching(/^[a-zA-Z0-9%._~-]{0,16}$/),
);
const segment = fc.array(junk, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));
const query = fc.array(fc.tuple(fc.constantFrom("q", "state", "from", "to", "cursor", "limit", "format", "desk", "%", "a%ZZ"), junk), { maxLength: 4 })
  .map((pairs) => (pairs.length > 0 ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""));
const cookie = fc.oneof(fc.constant(""), fc.constant("ADMIN"), junk.map((v) => `wd_session=${v}`), fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")));
const body = fc.oneof(
  fc.constant(""),
  fc.constant("{}"),
  fc.json(),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('{"a":', "[", '"\\uD800"', "null", '{"__proto__": {"x": 1}}', "\u0000\u0001"),
);

describe("fuzzing the route table", () => {
  it("answers every route with a bad path, query, cookie, header or body with a status below 500", async () => {
    const routes = ROUTE_TABLE.filter((r) => !(r.method === "POST" && r.path === "/api/auth/logout"));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        query,
        cookie,
        body,
        fc.constantFrom("application/json", "text/plain", "application/json; charset=latin1", "%%%", ""),
        async (route, params, search, cookieValue, payload, contentType) => {
          let index = 0;
          const path = route.path.replace(/:[a-zA-Z]+/g, () => params[index++] ?? "x") + search;
          const headers: Record<string, string> = { cookie: cookieValue === "ADMIN" ? adminCookie : cookieValue };
          if (contentType) headers["content-type"] = contentType;
          const answer = await raw(route.method, path, headers, route.method === "GET" ? undefined : payload);
          if (answer.status >= 500) throw new Error(`${route.method} ${path} answered ${answer.status}: ${answer.body}`);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
