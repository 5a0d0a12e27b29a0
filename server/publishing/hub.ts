import type { PublicationRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import type { Store } from "../storage/store";

/** Per-process publishing state: the readers' cache generation and who hears about publication changes. */
interface Hub {
  generation: number;
  listeners: Set<(publication: PublicationRecord) => void>;
  cache: Map<string, unknown>;
}

const hubs = new WeakMap<Store, Hub>();

function hubOf(ctx: Pick<AppContext, "store">): Hub {
  let hub = hubs.get(ctx.store);
  if (!hub) {
    hub = { generation: 0, listeners: new Set(), cache: new Map() };
    hubs.set(ctx.store, hub);
  }
  return hub;
}

/**
 * Tells the outputs a publication changed (after commit): the readers' cache is dropped at once, so the
 * next read renders the new state (revalidation on publish, correct and kill, never on a timer).
 */
export function publicationChanged(ctx: Pick<AppContext, "store">, publication: PublicationRecord): void {
  const hub = hubOf(ctx);
  hub.generation += 1;
  hub.cache.clear();
  for (const listener of hub.listeners) listener(publication);
}

/** Calls `listener` after every publication change; returns a function that stops it. */
export function onPublicationChanged(ctx: Pick<AppContext, "store">, listener: (publication: PublicationRecord) => void): () => void {
  const hub = hubOf(ctx);
  hub.listeners.add(listener);
  return () => hub.listeners.delete(listener);
}

/** A value cached until the next publication change (`make` runs once per change). */
export async function cached<T>(ctx: Pick<AppContext, "store">, key: string, make: () => Promise<T>): Promise<T> {
  const hub = hubOf(ctx);
  const hit = hub.cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const generation = hub.generation;
  if (hub.cache.size >= 10_000) hub.cache.clear(); // bounded: a crawler walking every id cannot grow it
  const value = make();
  hub.cache.set(key, value);
  value.catch(() => {
    if (hub.generation === generation) hub.cache.delete(key);
  });
  return value;
}

/** The base URL of public links (WIREDESK_PUBLIC_URL, or this server on localhost). */
export function publicBaseUrl(ctx: Pick<AppContext, "env">): string {
  return (ctx.env.WIREDESK_PUBLIC_URL ?? `http://localhost:${ctx.env.PORT}`).replace(/\/$/, "");
}
