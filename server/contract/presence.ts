import { z } from "zod";
import type { ErrorCode } from "./error-codes";

/** What a user is doing with a story. */
export const PresenceModeSchema = z.enum(["viewing", "editing"]);
export type PresenceMode = z.infer<typeof PresenceModeSchema>;

/** `presence:set` payload: the story this socket is on now (null: none). */
export const PresenceSetSchema = z
  .object({
    storyId: z.string().min(1).max(64).nullable(),
    mode: PresenceModeSchema,
  })
  .strict();
export type PresenceSet = z.infer<typeof PresenceSetSchema>;

/** One person on a story (several tabs of one user count once; editing wins over viewing). */
export const PresenceViewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  initials: z.string(),
  mode: PresenceModeSchema,
});
export type PresenceViewer = z.infer<typeof PresenceViewerSchema>;

/** `presence:changed`: the complete viewer list of one story (empty when everyone left). */
export interface PresenceChangedEvent {
  storyId: string;
  viewers: PresenceViewer[];
}

/** `presence:snapshot`, on connect: every story someone is on. */
export interface PresenceSnapshotEvent {
  stories: Record<string, PresenceViewer[]>;
}

/** The acknowledgement of a client command. */
export type CommandAck = { ok: true } | { ok: false; error: { code: ErrorCode; message: string } };
