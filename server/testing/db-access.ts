import { getProcessDb, type Db } from "@/db/client";
import type { TestServer } from "./test-server";

/** The test server's own connection, for tests that stand in for another writer (co-editing's write-back). */
export function openProcessDbForTests(server: TestServer): Db {
  return getProcessDb(server.dbFile, "full");
}
