import { z } from "zod";
import type { ErrorCode } from "./error-codes";

/** The short co-edited fields: each a `Y.Text` of that name in the story's `Y.Doc`. */
export const COLLAB_TEXT_FIELDS = ["headline", "slugline", "byline", "abstract"] as const;
export type CollabTextField = (typeof COLLAB_TEXT_FIELDS)[number];

/** The body: the `Y.XmlFragment` of this name that Tiptap's Collaboration extension edits. */
export const COLLAB_BODY_FIELD = "body";

/** Length limits shown as you type (the headline's is configurable, see `CollabLimits`). */
export const DEFAULT_FIELD_LIMITS = { headline: 64, slugline: 24, abstract: 160 } as const;
export type CollabLimits = { headline: number; slugline: number; abstract: number };

/** Updates larger than this travel in chunks (kept well under the socket's message limit). */
export const COLLAB_CHUNK_BYTES = 32 * 1024;

/** The largest update accepted at once (a large paste, an offline session merged on return). */
export const COLLAB_MAX_UPDATE_BYTES = 2 * 1024 * 1024;

/** Binary payloads: a Buffer on the server, an ArrayBuffer or Uint8Array in a browser. */
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array || value instanceof ArrayBuffer, { message: "expected binary data" });

const StoryId = z.string().min(1).max(64);

/** `collab:join`: open the story's shared document; `stateVector` says what the client already has. */
export const CollabJoinSchema = z.object({ storyId: StoryId, stateVector: Bytes.optional(), edit: z.boolean().optional() }).strict();
export type CollabJoin = z.infer<typeof CollabJoinSchema>;

/** `collab:update`: a Yjs update (or one chunk of a large one: `chunk` says which). */
export const CollabUpdateSchema = z
  .object({
    storyId: StoryId,
    update: Bytes,
    chunk: z.object({ id: z.string().min(1).max(64), index: z.number().int().min(0), count: z.number().int().min(1).max(Math.ceil(COLLAB_MAX_UPDATE_BYTES / 1024)) }).strict().optional(),
  })
  .strict();
export type CollabUpdate = z.infer<typeof CollabUpdateSchema>;

/** `collab:awareness`: a y-protocols awareness update (carets, names, colours). */
export const CollabAwarenessSchema = z.object({ storyId: StoryId, update: Bytes }).strict();
export type CollabAwareness = z.infer<typeof CollabAwarenessSchema>;

/** `collab:leave`: close the story's document for this socket. */
export const CollabLeaveSchema = z.object({ storyId: StoryId }).strict();
export type CollabLeave = z.infer<typeof CollabLeaveSchema>;

type AckError = { ok: false; error: { code: ErrorCode; message: string } };

/** The answer to `collab:join`: what the client misses, the server's state vector, and whether it may write. */
export type CollabJoinAck =
  | { ok: true; update: Uint8Array; stateVector: Uint8Array; awareness: Uint8Array | null; canEdit: boolean; limits: CollabLimits; state: string; notice?: string | null }
  | AckError;

/** The answer to `collab:update`: stored (and sent to the room) or refused. */
export type CollabUpdateAck = { ok: true } | AckError;

/** `collab:updated`: another editor's update, sent to the story's room only. */
export interface CollabUpdatedEvent {
  storyId: string;
  update: Uint8Array;
}

/** `collab:awareness-changed`: carets and names of the story's room (sent volatile). */
export interface CollabAwarenessChangedEvent {
  storyId: string;
  update: Uint8Array;
}

/** `collab:state-changed`: editing moved the story to another workflow state (said on screen). */
export interface CollabStateChangedEvent {
  storyId: string;
  state: string;
  message: string;
}

/** The Socket.IO room of one story's editors and watchers. */
export function collabRoom(storyId: string): string {
  return `collab:${storyId}`;
}

/** Splits an update into chunks of at most `size` bytes (sent as `collab:update` with `chunk`). */
export function splitUpdate(update: Uint8Array, size = COLLAB_CHUNK_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < update.byteLength; at += size) parts.push(update.subarray(at, Math.min(at + size, update.byteLength)));
  return parts.length > 0 ? parts : [update];
}
