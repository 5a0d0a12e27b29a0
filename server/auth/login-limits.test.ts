import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryLimiters } from "../limits/memory-limiter";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../testing/test-server";

let server: TestServer | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await server?.stop();
  server = null;
});

const BAD_LOGIN = { error: { code: "unauthorized", message: "Email or password is not right." } };

async function login(s: TestServer, email: string, password: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${s.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { error?: { code: string; message: string } } };
}

async function createAccounts(s: TestServer, prefix: string, count: number): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < count; i++) emails.push(await s.signIn("editor", `${prefix}${i}@test.wiredesk`).then(() => `${prefix}${i}@test.wiredesk`));
  return emails;
}

describe("failed logins per account", () => {
  it("refuses a sixth try within 15 minutes with 429, a clear message and Retry-After; the block then lifts", async () => {
    // The limiter's store reads the system clock; only Date is faked, timers and I/O run for real.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    server = await startTestServer();
    await server.signIn("editor", "target@test.wiredesk");
    for (let i = 0; i < 5; i++) expect(await login(server, "target@test.wiredesk", `guess ${i}`)).toMatchObject({ status: 401, body: BAD_LOGIN });

    const blocked = await login(server, "target@test.wiredesk", TEST_PASSWORD); // even the right password waits
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.code).toBe("rate_limited");
    expect(blocked.body.error?.message).toMatch(/^Too many failed logins\. Try again in \d+ seconds\.$/);
    const seconds = Number(/in (\d+) seconds/.exec(blocked.body.error?.message ?? "")?.[1]);
    expect(blocked.retryAfter).toBe(String(seconds));
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);

    vi.setSystemTime(Date.now() + seconds * 1000);
    expect((await login(server, "target@test.wiredesk", TEST_PASSWORD)).status).toBe(200);
  });

  it("blocks an unknown email exactly like a known one, so the limit tells nothing about who has an account", async () => {
    server = await startTestServer();
    await server.signIn("editor", "known@test.wiredesk");
    const answers: Record<string, unknown[]> = { known: [], unknown: [] };
    for (let i = 0; i < 6; i++) {
      answers.known!.push(await login(server, "known@test.wiredesk", "wrong password"));
      answers.unknown!.push(await login(server, "nobody@test.wiredesk", "wrong password"));
    }
    const shape = (a: unknown) => JSON.stringify(a).replace(/\d+ seconds/, "N seconds").replace(/"retryAfter":"\d+"/, '"retryAfter":"N"');
    expect(answers.unknown!.map(shape)).toEqual(answers.known!.map(shape));
    expect(answers.known!.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe("failed logins per address", () => {
  it("does not count successful logins: a newsroom behind one address signs in all day, typos included", async () => {
    server = await startTestServer();
    // A limit of 10 instead of 50 keeps the test short; the spray test below runs against the real limit.
    server.desk.ctx.loginLimits.perAddress = memoryLimiters({ name: "test-address", points: 10, durationSeconds: 15 * 60 });
    const emails = await createAccounts(server, "newsroom", 4);
    let signedIn = 0;
    for (let round = 0; round < 4; round++) {
      for (const [i, email] of emails.entries()) {
        if (i % 2 === round % 2) expect((await login(server, email, "typo")).status).toBe(401); // 8 typos in all
        expect((await login(server, email, TEST_PASSWORD)).status).toBe(200);
        signedIn += 1;
      }
    }
    expect(signedIn).toBe(16); // more than the failures the address may have
  }, 120_000);

  it("stops one address spraying passwords over many accounts after 50 failures", async () => {
    server = await startTestServer();
    const [victim] = await createAccounts(server, "sprayed", 1);
    for (let i = 0; i < 50; i++) expect((await login(server, `user${i}@test.wiredesk`, "Winter2024!")).status).toBe(401);
    const blocked = await login(server, victim!, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
  }, 120_000);

  it("takes the address from X-Forwarded-For only when WIREDESK_TRUST_PROXY is set", async () => {
    for (const trustProxy of ["1", "0"]) {
      server = await startTestServer({ env: { WIREDESK_TRUST_PROXY: trustProxy } });
      // A small address limit keeps the test short; what is under test is which address is counted.
      server.desk.ctx.loginLimits.perAddress = memoryLimiters({ name: `test-address-${trustProxy}`, points: 3, durationSeconds: 15 * 60 });
      const [email] = await createAccounts(server, `proxy${trustProxy}-`, 1);
      for (let i = 0; i < 3; i++) expect((await login(server, `spray${i}@test.wiredesk`, "x", { "x-forwarded-for": "203.0.113.7" })).status).toBe(401);
      const sameClient = await login(server, email!, TEST_PASSWORD, { "x-forwarded-for": "203.0.113.7" });
      const otherClient = await login(server, email!, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.20, 10.0.0.1" });
      if (trustProxy === "1") {
        expect(sameClient.status).toBe(429); // the proxy said it was this client
        expect(otherClient.status).toBe(200); // another client behind the same proxy is not blocked
      } else {
        // Untrusted header: every request is the socket's address, so a forged header cannot escape the block.
        expect(sameClient.status).toBe(429);
        expect(otherClient.status).toBe(429);
      }
      await server.stop();
      server = null;
    }
  });
});

describe("no user enumeration", () => {
  it("answers an unknown email, a wrong password and a deactivated account with the same status and message", async () => {
    server = await startTestServer();
    const admin = await server.signIn("admin");
    const inactive = await server.signIn("viewer", "inactive@test.wiredesk");
    await fetch(`${server.url}/api/users/${inactive.userId}`, { method: "PATCH", headers: { cookie: admin.cookie, "content-type": "application/json" }, body: JSON.stringify({ active: false }) });
    await server.signIn("viewer", "present@test.wiredesk");
    const answers = [
      await login(server, "absent@test.wiredesk", "some password"),
      await login(server, "present@test.wiredesk", "some password"),
      await login(server, "inactive@test.wiredesk", TEST_PASSWORD),
    ];
    for (const answer of answers) expect(answer).toEqual({ status: 401, retryAfter: null, body: BAD_LOGIN });
  });

  it("runs the password hash for an unknown email too (not many times faster than a wrong password)", async () => {
    server = await startTestServer();
    await server.signIn("viewer", "timed@test.wiredesk");
    await login(server, "warm-up@test.wiredesk", "x"); // the first unknown login builds the dummy hash
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 4; i++) {
      let start = performance.now();
      await login(server, `absent${i}@test.wiredesk`, "some password");
      unknown.push(performance.now() - start);
      start = performance.now();
      await login(server, "timed@test.wiredesk", `wrong ${i}`);
      wrong.push(performance.now() - start);
    }
    // scrypt takes tens of milliseconds; skipping it would make unknown emails 10-100x faster.
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 4);
  });
});

describe("limits hold under a burst of parallel requests", () => {
  it("checks at most 5 passwords of a burst of 25 parallel wrong ones for one email; the right one in it does not slip through", async () => {
    server = await startTestServer();
    await server.signIn("editor", "burst@test.wiredesk");
    const attempts = Array.from({ length: 25 }, (_, i) => login(server!, "burst@test.wiredesk", i === 20 ? TEST_PASSWORD : `guess ${i}`));
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses[20]).toBe(429); // the right password came after the 5 reservations: refused, not checked
  }, 60_000);

  it("checks at most 50 passwords of a burst of 70 parallel ones from one address over many emails", async () => {
    server = await startTestServer();
    const attempts = Array.from({ length: 70 }, (_, i) => login(server!, `spray-burst${i}@test.wiredesk`, "Winter2024!"));
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBe(50);
    expect(statuses.filter((s) => s === 429).length).toBe(20);
  }, 180_000);
});
