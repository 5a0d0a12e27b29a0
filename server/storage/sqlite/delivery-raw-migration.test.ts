import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb } from "@/db/client";
import { openDbMigratedBefore } from "../../testing/migrations-before";
import { createSqliteStore } from "./sqlite-store";

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-raw-migration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the migration that moves delivery bytes into their own table", () => {
  it("keeps every byte of the deliveries an older release stored, and their quarantine entries", async () => {
    const db = openDbMigratedBefore(dir, "_delivery-raw-apart", path.join(dir, "old.db"));
    const insert = db.$client.prepare(
      `insert into deliveries (received_at, channel, source_name, format, sha256, size, raw, status, error_code, error_message)
       values ('2026-01-01T00:00:00.000Z', 'http', 'dpa', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const broken = Buffer.from([0x3c, 0x6e, 0x69, 0x74, 0x66, 0x00, 0xff, 0xfe, 0x0d, 0x0a]); // "<nitf", NUL, bytes that are not UTF-8
    const fine = Buffer.from("<nitf><head><title>Fine</title></head></nitf>");
    insert.run("nitf", "a".repeat(64), broken.byteLength, broken, "failed", "malformed", "unexpected end of file");
    insert.run("nitf", "b".repeat(64), fine.byteLength, fine, "parsed", null, null);

    migrateDb(db);
    const store = createSqliteStore(db);
    const failed = await store.stories.listFailedDeliveries(10);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: "failed", errorCode: "malformed", size: broken.byteLength });
    expect(failed[0]).not.toHaveProperty("raw");
    expect(Buffer.from((await store.stories.getDeliveryRaw(failed[0]!.id))!.raw)).toEqual(broken);
    expect(Buffer.from((await store.stories.getDeliveryRaw(failed[0]!.id + 1))!.raw)).toEqual(fine);
    await store.close();
  });
});
