/**
 * Writes `fixtures/upgrade/release-0010.db`: a desk database as the release whose newest migration is
 * 0010 left it (users, ingested agency copy in several formats, a published and a spiked story,
 * a saved search, a pull feed, a webhook and its queue, audit rows). Run it only from a checkout of
 * that release; the upgrade test keeps the file and migrates it forward. `tsx server/reliability/upgrade-fixture-make.ts`
 */
import Database from "better-sqlite3";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startTestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";

const OUT = path.resolve("fixtures/upgrade/release-0010.db");
const SAMPLES = ["nitf/NTB_nitf_sample.xml", "newsml-g2/iptc/LISTING_2_NewsML-G2_Text_Document.xml", "ninjs/2.1/dpa_text.json", "ninjs/2.1/ntb_text.json", "dpa-digitalwires/eil.json", "newsml-1.2/afp.com_newsml1.2_sample.xml"];

const server = await startTestServer();
const admin = await server.signIn("admin", "admin@upgrade.example");
const chief = await server.signIn("chief", "chief@upgrade.example");
await server.signIn("editor", "editor@upgrade.example");
const ids: string[] = [];
for (const sample of SAMPLES) {
  const response = await server.ingest(readFileSync(path.join("fixtures/wire-samples", sample)));
  const json = (await response.json()) as { stories?: { id: string }[] };
  if (response.status !== 201 || !json.stories) throw new Error(`${sample} answered ${response.status}`);
  ids.push(...json.stories.map((s) => s.id));
}
const headers = (cookie: string) => ({ cookie, "content-type": "application/json", origin: server.url });
await fetch(`${server.url}/api/webhooks`, { method: "POST", headers: headers(admin.cookie), body: JSON.stringify({ url: "https://hooks.example.org/desk", description: "fixture" }) });
await walk(server, chief.cookie, ids[0]!, ["take", "submit", "approve", "publish"]);
await walk(server, chief.cookie, ids[1]!, ["take", "spike"]);
await fetch(`${server.url}/api/saved-searches`, { method: "POST", headers: headers(chief.cookie), body: JSON.stringify({ name: "Norway", query: "q=norway" }) });
await fetch(`${server.url}/api/feeds`, { method: "POST", headers: headers(admin.cookie), body: JSON.stringify({ name: "Example feed", url: "https://feeds.example.org/wire.xml", intervalSeconds: 300, enabled: false }) });
await server.stop({ keepFiles: true });

rmSync(OUT, { force: true });
const db = new Database(server.dbFile);
db.exec(`VACUUM INTO '${OUT.replaceAll("'", "''")}'`);
db.close();
rmSync(server.dir, { recursive: true, force: true });
console.log(`wrote ${OUT} with ${ids.length} stories`);
