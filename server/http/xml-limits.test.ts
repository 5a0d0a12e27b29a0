import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server";

let server: TestServer;
let bait: Server;
let baitUrl: string;
const baitHits: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // A server an external entity or DTD would be fetched from: it must never be called.
  bait = createServer((req, res) => {
    baitHits.push(req.url ?? "");
    res.end('<!ENTITY leak "LEAKED-FROM-BAIT">');
  });
  await new Promise<void>((resolve) => bait.listen(0, "127.0.0.1", resolve));
  const address = bait.address();
  baitUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => bait.close(resolve));
});

function nitf(doctype: string, headline: string, body = "<p>Body.</p>"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
${doctype}
<nitf><head><title>${headline}</title><docdata><doc-id id-string="urn:test:xml:${Math.random().toString(36).slice(2)}"/></docdata></head>
<body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content>${body}</body.content></body></nitf>`;
}

const BILLION_LAUGHS = nitf(
  `<!DOCTYPE nitf [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("\n  ")}
]>`,
  "&lol9;",
);

/** Sends a delivery and times it; the answer must come promptly and the server must stay healthy. */
async function ingestTimed(body: string, query = "") {
  const started = performance.now();
  const response = await server.ingest(body, query);
  const text = await response.text();
  const elapsed = performance.now() - started;
  const health = await fetch(`${server.url}/healthz`);
  return { status: response.status, text, elapsed, healthy: health.status === 200 };
}

describe("hostile XML through the ingest API", () => {
  it.each([
    ["detected", ""],
    ["forced NITF", "?format=nitf"],
  ])("refuses a billion-laughs document with 422 at once (%s)", async (_name, query) => {
    const answer = await ingestTimed(BILLION_LAUGHS, query);
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "unparseable", message: expect.stringMatching(/entit/i) as string } });
    expect(answer.elapsed).toBeLessThan(2000); // generous: expansion would take minutes and gigabytes
    expect(answer.healthy).toBe(true);
  });

  it("refuses an external entity to a local file with 422 and leaks nothing", async () => {
    const answer = await ingestTimed(nitf('<!DOCTYPE nitf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>', "Leak &xxe;"));
    expect(answer.status).toBe(422);
    expect(answer.text).not.toMatch(/root:|\/bin\/(ba)?sh/);
    expect(answer.healthy).toBe(true);
  });

  it("refuses a general external entity by URL with 422; ignores a parameter entity (201); never fetches either", async () => {
    const general = await ingestTimed(nitf(`<!DOCTYPE nitf [ <!ENTITY xxe SYSTEM "${baitUrl}/general"> ]>`, "Fetch &xxe;"));
    const parameter = await ingestTimed(nitf(`<!DOCTYPE nitf [ <!ENTITY % remote SYSTEM "${baitUrl}/parameter"> %remote; ]>`, "Fetch &leak;"));
    expect(general.status).toBe(422);
    expect(parameter.status).toBe(201);
    for (const answer of [general, parameter]) {
      expect(answer.text).not.toContain("LEAKED-FROM-BAIT");
      expect(answer.healthy).toBe(true);
    }
    expect(baitHits).toEqual([]);
  });

  it("never fetches an external DTD named in a DOCTYPE", async () => {
    const answer = await ingestTimed(nitf(`<!DOCTYPE nitf SYSTEM "${baitUrl}/nitf.dtd">`, "Plain story with an external DTD"));
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toContain("LEAKED-FROM-BAIT");
    expect(baitHits).toEqual([]);
  });

  it("refuses a deeply nested document with 422, promptly", async () => {
    const depth = 100_000;
    const answer = await ingestTimed(nitf("", "Deep", `${"<p>".repeat(depth)}x${"</p>".repeat(depth)}`));
    expect(answer.status).toBe(422);
    expect(answer.elapsed).toBeLessThan(2000);
    expect(answer.healthy).toBe(true);
  });
});
