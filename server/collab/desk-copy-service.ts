import type { AppContext } from "../app-context";
import { withoutVersionMarkers } from "../contract/agency-markers";
import type { DeskDiff, DeskDiffSide, DeskVersionList } from "../contract/desk-copy";
import { DeskDiffQuerySchema } from "../contract/desk-copy";
import { AppError } from "../errors";
import { htmlToText } from "../ingest/text/plain-text";
import { diffWords, isTooLargeToCompare } from "../stories/version-diff";
import { changeSince, setDeskText } from "./doc-edits";
import * as Y from "yjs";
import { readDeskCopy, type DeskCopySeed } from "./story-doc";

function hub(ctx: AppContext) {
  if (!ctx.collab) throw new AppError("unavailable", "Co-editing is not running in this process.");
  return ctx.collab;
}

async function storyOrThrow(ctx: AppContext, id: string) {
  const story = await ctx.store.stories.getStory(id);
  if (!story) throw new AppError("not_found", "No story with that id.");
  return story;
}

/** The desk copy's kept versions, with who contributed to each, and the agency version it started from. */
export async function listDeskVersions(ctx: AppContext, id: string): Promise<DeskVersionList> {
  await storyOrThrow(ctx, id);
  const [rows, users, base] = await Promise.all([ctx.store.deskCopy.listVersions(id), ctx.store.accounts.listUsersWithProfiles(), ctx.store.deskCopy.loadBase(id)]);
  const names = new Map(users.map((u) => [u.user.id, u.user.name]));
  const person = (uid: string) => ({ id: uid, name: names.get(uid) ?? "someone removed" });
  return {
    versions: rows.map((r) => ({ id: r.id, reason: r.reason, at: r.at, headline: r.headline, state: r.state, actor: r.actorId === null ? null : person(r.actorId), contributors: r.contributors.map(person) })),
    baseAgencyVersion: base?.agencyVersion ?? null,
  };
}

/** The agency's text of version `version` (the newest one under that number). */
async function agencyText(ctx: AppContext, id: string, version: number): Promise<DeskCopySeed | null> {
  const versions = await ctx.store.stories.listStoryVersions(id);
  const found = versions.findLast((v) => v.agencyVersion === version);
  if (!found) return null;
  const n = found.normalized;
  return { headline: n.headline, slugline: n.slugline, byline: n.byline, abstract: n.abstract, bodyHtml: n.bodyHtml };
}

/** The text a stored Yjs state holds. */
function textOfState(state: Uint8Array): DeskCopySeed {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readDeskCopy(doc);
  } finally {
    doc.destroy();
  }
}

async function sideText(ctx: AppContext, id: string, side: DeskDiffSide): Promise<DeskCopySeed> {
  if (side === "current") return storyOrThrow(ctx, id);
  if (side === "agency") {
    // The agency's original: the version the desk copy first started from (not one brought in since), or the first one kept.
    const base = await ctx.store.deskCopy.loadBase(id);
    const versions = await ctx.store.stories.listStoryVersions(id);
    // A story the desk wrote has no agency version: its original is the text it started with.
    if (versions.length === 0 && base) return textOfState(base.state);
    const version = base?.originAgencyVersion ?? versions[0]?.agencyVersion;
    const text = version === undefined ? null : await agencyText(ctx, id, version);
    if (!text) throw new AppError("not_found", "This story has no agency version.");
    return text;
  }
  const version = await ctx.store.deskCopy.getVersion(id, side);
  if (!version) throw new AppError("not_found", `This story has no desk version ${side}.`);
  return version;
}

/** What changed in each co-edited field (headline, slugline, byline, abstract, body) between two texts of the desk copy. */
export async function getDeskDiff(ctx: AppContext, id: string, params: URLSearchParams): Promise<DeskDiff> {
  const query = DeskDiffQuerySchema.safeParse({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  if (!query.success) throw new AppError("invalid_query", "Give ?from= (a desk version id, current or agency) and optionally &to=.");
  await storyOrThrow(ctx, id);
  const [from, to] = await Promise.all([sideText(ctx, id, query.data.from), sideText(ctx, id, query.data.to)]);
  const before = htmlToText(from.bodyHtml);
  const after = htmlToText(to.bodyHtml);
  const field = (name: "slugline" | "byline" | "abstract") => diffWords(from[name] ?? "", to[name] ?? "");
  return { headline: diffWords(from.headline, to.headline), slugline: field("slugline"), byline: field("byline"), abstract: field("abstract"), body: diffWords(before, after), tooLarge: isTooLargeToCompare(before, after) };
}

/** Restores a kept version as a new change of the shared document (co-editors follow it live). */
export async function restoreDeskVersion(ctx: AppContext, id: string, versionId: number, actorId: string): Promise<void> {
  await storyOrThrow(ctx, id);
  const version = await ctx.store.deskCopy.getVersion(id, versionId);
  if (!version) throw new AppError("not_found", `This story has no desk version ${versionId}.`);
  await hub(ctx).applyServerChange(id, actorId, "restore", async (open) => {
    const fork = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(fork, Y.encodeStateAsUpdate(open.doc));
      const before = Y.encodeStateVector(fork);
      setDeskText(fork, version);
      return Y.encodeStateAsUpdate(fork, before);
    } finally {
      fork.destroy();
    }
  });
}

/**
 * Brings the agency's newest version into the desk copy: the agency's changes since the version the
 * desk started from are replayed on that version's state, so they merge with the desk's own edits.
 */
export async function bringInAgencyVersion(ctx: AppContext, id: string, actorId: string): Promise<void> {
  const story = await storyOrThrow(ctx, id);
  if (story.agencyUpdateVersion === null) throw new AppError("invalid_state", "There is no agency update to bring in.");
  const text = await agencyText(ctx, id, story.agencyVersion);
  if (!text) throw new AppError("not_found", "The agency's new version is not stored.");
  const collab = hub(ctx);
  await collab.applyServerChange(id, actorId, "agency update", async (open) => {
    const base = await ctx.store.deskCopy.loadBase(id);
    // A document kept before bases were has no common ancestor to merge from: its text becomes the agency's.
    // The agency's version marker ("UPDATE 1-") tells the desk which take it is; it is not brought in.
    const change = changeSince(base?.state ?? Y.encodeStateAsUpdate(open.doc), { ...text, headline: withoutVersionMarkers(text.headline) });
    const changed = await ctx.store.deskCopy.setBase(id, { state: change.base, agencyVersion: story.agencyVersion }, actorId);
    if (changed) ctx.publisher.storiesChanged([changed]);
    return change.update;
  });
}
