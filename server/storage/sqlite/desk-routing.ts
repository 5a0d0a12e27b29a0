import type { Db } from "@/db/client";
import { findDeskId, type RoutableStory, type RoutingDesk } from "../../domain/desk-routing";
import type { GroupTransaction } from "./group-commit";
import { readDesks } from "./sqlite-desk-store";

/** The desk an incoming story is routed to, decided inside the ingest transaction (null: no rule matched). */
export function routeStoryToDesk(tx: GroupTransaction, db: Db, story: RoutableStory): string | null {
  // Desks are read once per group transaction, however many stories it holds.
  const desks = tx.once<RoutingDesk[]>("desks", () => readDesks(db).map((d) => ({ id: d.desk.id, rules: d.rules })));
  return findDeskId(desks, story);
}
