import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalRequest, routeKey } from "../testing/route-walk";
import { startTestServer, type TestServer } from "../testing/test-server";
import { ROUTE_TABLE } from "./route-table";

let server: TestServer;
let adminCookie: string;
beforeAll(async () => {
  server = await startTestServer({ env: { WIREDESK_TRUST_PROXY: "1" } });
  adminCookie = (await server.signIn("admin")).cookie;
});
afterAll(async () => server.stop());

/** The problems with one answer's security headers ([] when all is well). */
function headerProblems(headers: Headers, options: { overTls: boolean }): string[] {
  const problems: string[] = [];
  const csp = headers.get("content-security-policy") ?? "";
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name ?? "", values]));
  const scriptSrc = directives.get("script-src") ?? [];
  if (!csp) problems.push("no Content-Security-Policy");
  if (scriptSrc.length === 0) problems.push("no script-src");
  if (scriptSrc.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
  if (!scriptSrc.some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v))) problems.push("script-src has no nonce");
  if (directives.get("frame-ancestors")?.join(" ") !== "'none'") problems.push("frame-ancestors is not 'none'");
  if (directives.get("object-src")?.join(" ") !== "'none'") problems.push("object-src is not 'none'");
  if (directives.get("base-uri")?.join(" ") !== "'self'") problems.push("base-uri is not 'self'");
  if (headers.get("x-content-type-options") !== "nosniff") problems.push("no nosniff");
  if (!headers.get("referrer-policy")) problems.push("no Referrer-Policy");
  if (headers.get("x-frame-options") !== "DENY") problems.push("no X-Frame-Options DENY");
  const hsts = headers.get("strict-transport-security");
  if (options.overTls && !/max-age=\d{7,}/.test(hsts ?? "")) problems.push("no HSTS over HTTPS");
  if (!options.overTls && hsts) problems.push("HSTS over plain HTTP");
  return problems;
}

describe("security headers", () => {
  it("are on every API answer (allowed or refused), with HSTS only behind HTTPS", async () => {
    const problems: Record<string, string[]> = {};
    for (const route of ROUTE_TABLE) {
      for (const [who, headers] of [["anonymous", {}], ["admin", { cookie: adminCookie }]] as const) {
        for (const overTls of [false, true]) {
          const { url, init } = minimalRequest(server.url, route, { ...headers, "x-forwarded-proto": overTls ? "https" : "http" });
          // Behind TLS the desk's own origin is https://host, and a browser would say so.
          if (init.method !== "GET") (init.headers as Record<string, string>).origin = overTls ? server.url.replace("http:", "https:") : server.url;
          const response = await fetch(url, init);
          const found = headerProblems(response.headers, { overTls });
          if (found.length > 0) problems[`${routeKey(route)} as ${who}${overTls ? " over TLS" : ""} (${response.status})`] = found;
        }
      }
    }
    expect(problems).toEqual({});
  });

  it("are on answers outside the API and on errors, and each answer gets its own nonce", async () => {
    const answers = [
      await fetch(`${server.url}/some/page`),
      await fetch(`${server.url}/api/nothing-here`),
      await fetch(`${server.url}/api/auth/login`, { method: "PUT" }),
      await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { origin: "https://evil.example" } }),
    ];
    for (const response of answers) expect(headerProblems(response.headers, { overTls: false })).toEqual([]);
    const nonces = answers.map((r) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1]);
    expect(new Set(nonces).size).toBe(answers.length);
  });

  it("ignores X-Forwarded-Proto for HSTS when the proxy is not trusted", async () => {
    const untrusted = await startTestServer({ env: { WIREDESK_TRUST_PROXY: "0" } });
    try {
      const response = await fetch(`${untrusted.url}/healthz`, { headers: { "x-forwarded-proto": "https" } });
      expect(response.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await untrusted.stop();
    }
  });

  it("puts nosniff on Socket.IO's own HTTP answers too", async () => {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: adminCookie } });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("lets pages connect to the desk's own socket origin only, never every ws: host", async () => {
    const csp = (await fetch(`${server.url}/api/auth/me`)).headers.get("content-security-policy") ?? "";
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(connect.split(" ")).toEqual(["'self'", server.url.replace("http:", "ws:")]);
    const behindProxy = await startTestServer({ env: { WIREDESK_PUBLIC_URL: "https://desk.example.org" } });
    try {
      const publicCsp = (await fetch(`${behindProxy.url}/api/auth/me`, { headers: { host: "evil.example" } })).headers.get("content-security-policy") ?? "";
      expect(/connect-src ([^;]*)/.exec(publicCsp)?.[1]).toBe("'self' wss://desk.example.org");
    } finally {
      await behindProxy.stop();
    }
  });
});
