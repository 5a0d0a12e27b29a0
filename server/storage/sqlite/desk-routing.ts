import type { Db } from "@/db/client";
import { findDeskId, type RoutableStory, type RoutingDesk } from "../../desks/routing";
import { readDesks } from "./sqlite-desk-store";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Desks read once per ingest transaction (each transaction has its own tx object), however many stories it holds.
const desksByTransaction = new WeakMap<Tx, RoutingDesk[]>();

/** The desk an incoming story is routed to, decided inside the ingest transaction (null: no rule matched). */
export function routeStoryToDesk(tx: Tx, story: RoutableStory): string | null {
  let desks = desksByTransaction.get(tx);
  if (!desks) {
    desks = readDesks(tx).map((d) => ({ id: d.desk.id, rules: d.rules }));
    desksByTransaction.set(tx, desks);
  }
  return findDeskId(desks, story);
}
