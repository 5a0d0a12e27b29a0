import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabDocs, deskVersions, stories, type DeskVersionRecord } from "@/db/schema";
import { keepsStepVersion, repeatsLastVersion } from "../../domain/desk-version-rules";
import type { NewDeskVersion } from "../desk-copy-store";

type Tx = Pick<Db, "select" | "insert">;

/**
 * Keeps a desk version inside the caller's transaction, unless it would repeat the last one (same
 * state and text): null then. Without a state, the story's current state is taken. The check and the
 * insert share the transaction, so parallel requests for the same state keep one version.
 */
export function keepDeskVersion(tx: Tx, version: NewDeskVersion): DeskVersionRecord | null {
  const state = version.state ?? tx.select({ state: stories.state }).from(stories).where(eq(stories.id, version.storyId)).get()?.state ?? null;
  const next = { ...version, state };
  const last = tx.select().from(deskVersions).where(eq(deskVersions.storyId, version.storyId)).orderBy(desc(deskVersions.id)).limit(1).get();
  if (repeatsLastVersion(last, next)) return null;
  return tx.insert(deskVersions).values(next).returning().get();
}

/** After a workflow step (in its transaction): the story's text as a version of the desk copy, when the step keeps one. */
export function keepStepVersion(tx: Tx, story: { id: string; state: string; headline: string; slugline: string | null; byline: string | null; abstract: string | null; bodyHtml: string }, step: { action: string; actorId: string | null; at: string; contributors: string[] }): DeskVersionRecord | null {
  const hasDeskCopy =
    tx.select({ id: deskVersions.id }).from(deskVersions).where(eq(deskVersions.storyId, story.id)).limit(1).get() !== undefined ||
    tx.select({ id: collabDocs.storyId }).from(collabDocs).where(eq(collabDocs.storyId, story.id)).get() !== undefined;
  if (!keepsStepVersion(step.action, hasDeskCopy)) return null;
  const { headline, slugline, byline, abstract, bodyHtml } = story;
  return keepDeskVersion(tx, { storyId: story.id, reason: step.action, at: step.at, contributors: step.contributors, actorId: step.actorId, state: story.state, headline, slugline, byline, abstract, bodyHtml });
}
