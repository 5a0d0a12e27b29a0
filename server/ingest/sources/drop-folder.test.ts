import { mkdtempSync } from "node:fs";
import { appendFile, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nextEvent, recordStoryEvents } from "../../testing/socket-events";
import { ninjsStory, startTestServer, type TestServer } from "../../testing/test-server";
import { readSample } from "../parsers/testing/samples";
import { startDropFolder, type DropFolder } from "./drop-folder";

let server: TestServer;
let drop: DropFolder;
let dir: string;

beforeEach(async () => {
  server = await startTestServer({ env: { WIREDESK_MAX_DELIVERY_BYTES: "65536" } });
  dir = mkdtempSync(path.join(tmpdir(), "wiredesk-drop-"));
  drop = startDropFolder(server.desk.ctx, { dir, scanIntervalMs: 100, settleMs: 400 });
});
afterEach(async () => {
  await drop.stop();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForFile(folder: string, predicate: (names: string[]) => boolean, timeoutMs = 5000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(path.join(dir, folder)).catch(() => [] as string[]);
    if (predicate(names)) return names.sort();
    if (Date.now() > deadline) throw new Error(`${folder}/ holds ${JSON.stringify(names)}`);
    await sleep(50);
  }
}

function storyCount(): number {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from stories").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("the drop folder", () => {
  it("ingests a file written slowly in chunks only once it is complete, moves it to processed/ and pushes the story", async () => {
    const { cookie } = await server.signIn("editor");
    const socket = server.connect(cookie);
    await nextEvent(socket, "sync:completed");
    const events = recordStoryEvents(socket);

    const document = ninjsStory({ uri: "urn:test:drop:slow", headline: "Written slowly, read once" });
    const chunks = document.match(/[\s\S]{1,40}/g)!;
    const file = path.join(dir, "slow.json");
    for (const chunk of chunks.slice(0, 8)) {
      await appendFile(file, chunk);
      await sleep(120); // shorter than the settle time: the file is never stable while being written
    }
    expect(await readdir(dir)).toContain("slow.json"); // half a file is left alone
    expect(storyCount()).toBe(0);
    await appendFile(file, chunks.slice(8).join(""));

    expect(await waitForFile("processed", (names) => names.includes("slow.json"))).toEqual(["slow.json"]);
    const [event] = await events.waitFor(1);
    expect(event!.story).toMatchObject({ guid: "urn:test:drop:slow", headline: "Written slowly, read once" });
    await sleep(500);
    expect(events.events).toHaveLength(1);
    expect(storyCount()).toBe(1);
    expect(await readdir(path.join(dir, "failed")).catch(() => [])).toEqual([]);
  });

  it("ingests a real agency file", async () => {
    await writeFile(path.join(dir, "dpa-eil.xml"), readSample("newsml-g2/dpa/eil.xml"));
    await waitForFile("processed", (names) => names.includes("dpa-eil.xml"));
    expect(storyCount()).toBe(1);
  });

  it("moves a file that cannot be parsed to failed/ beside an .error.txt that says why, and quarantines its bytes", async () => {
    await writeFile(path.join(dir, "broken.xml"), "<nitf><head><title>Half");
    const names = await waitForFile("failed", (n) => n.length === 2);
    expect(names).toEqual(["broken.xml", "broken.xml.error.txt"]);
    const reason = await readFile(path.join(dir, "failed", "broken.xml.error.txt"), "utf8");
    expect(reason).toContain("broken.xml was not ingested");
    expect(reason).toMatch(/unparseable: \S+/);
    expect(await readFile(path.join(dir, "failed", "broken.xml"), "utf8")).toBe("<nitf><head><title>Half");
    const errors = await server.desk.ctx.store.stories.listFailedDeliveries(10);
    expect(errors[0]).toMatchObject({ channel: "drop", sourceName: "broken.xml" });
  });

  it("refuses a file over the size limit with the reason", async () => {
    await writeFile(path.join(dir, "huge.json"), "x".repeat(70_000));
    await waitForFile("failed", (n) => n.includes("huge.json.error.txt"));
    expect(await readFile(path.join(dir, "failed", "huge.json.error.txt"), "utf8")).toContain("Too large: 70000 bytes; the limit is 65536 bytes");
    expect(storyCount()).toBe(0);
  });

  it("ignores dotfiles and temporary names until the sender renames them", async () => {
    await writeFile(path.join(dir, "incoming.json.part"), ninjsStory({ uri: "urn:test:drop:part", headline: "Renamed when complete" }));
    await writeFile(path.join(dir, ".hidden.json"), ninjsStory({ uri: "urn:test:drop:hidden" }));
    await writeFile(path.join(dir, "upload.tmp"), "half");
    await sleep(800);
    expect(storyCount()).toBe(0);
    await rename(path.join(dir, "incoming.json.part"), path.join(dir, "incoming.json"));
    await waitForFile("processed", (n) => n.includes("incoming.json"));
    expect((await readdir(dir)).sort()).toEqual([".hidden.json", "processed", "upload.tmp"]);
    expect(storyCount()).toBe(1);
  });

  it("keeps both files when a name repeats, the second with a timestamp", async () => {
    await writeFile(path.join(dir, "story.json"), ninjsStory({ uri: "urn:test:drop:a" }));
    await waitForFile("processed", (n) => n.length === 1);
    await writeFile(path.join(dir, "story.json"), ninjsStory({ uri: "urn:test:drop:b" }));
    const names = await waitForFile("processed", (n) => n.length === 2);
    expect(names[1]).toBe("story.json");
    expect(names[0]).toMatch(/^story\.\d{8}T\d{6}Z\.json$/);
    expect(storyCount()).toBe(2);
  });

  it("survives a file that vanishes before it is read", async () => {
    await writeFile(path.join(dir, "gone.json"), ninjsStory());
    await sleep(150);
    await rm(path.join(dir, "gone.json"));
    await drop.scan();
    await writeFile(path.join(dir, "after.json"), ninjsStory({ uri: "urn:test:drop:after" }));
    await waitForFile("processed", (n) => n.includes("after.json"));
    expect(storyCount()).toBe(1);
  });
});
