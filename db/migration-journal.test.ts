import { describe, expect, it } from "vitest";
import { shippedMigrations } from "./migration-status";

describe("the migration journal", () => {
  it("dates every migration after the one before, as drizzle applies only those newer than the newest applied", () => {
    // drizzle-kit stamps a new migration with the clock; an earlier stamp than the last one would never run on an existing database.
    const migrations = shippedMigrations();
    for (const [i, migration] of migrations.entries()) {
      if (i > 0) expect(migration.when, `${migration.tag} after ${migrations[i - 1]!.tag}`).toBeGreaterThan(migrations[i - 1]!.when);
    }
  });
});
