import { z } from "zod";
import { DiffOpSchema } from "./version-diff";

const PersonSchema = z.object({ id: z.string(), name: z.string() });

/** One kept version of a story's desk copy (`GET /api/stories/:id/desk-versions`). */
export const DeskVersionSchema = z.object({
  id: z.number(),
  /** Why it was kept: a workflow step (take, submit, approve, publish, …, reopen), editing, restore, agency update. */
  reason: z.string(),
  at: z.string(),
  /** Who changed the text since the version before, by name. */
  contributors: z.array(PersonSchema),
  /** Who made the step, restored or brought in (null: editing versions, the scheduler, older versions). */
  actor: PersonSchema.nullable(),
  /** The story's workflow state when it was kept (null for versions kept before states were). */
  state: z.string().nullable(),
  headline: z.string(),
});
export type DeskVersion = z.infer<typeof DeskVersionSchema>;

/** `GET /api/stories/:id/desk-versions`: newest last, and the agency version the desk copy started from. */
export const DeskVersionListSchema = z.object({ versions: z.array(DeskVersionSchema), baseAgencyVersion: z.number().nullable() });
export type DeskVersionList = z.infer<typeof DeskVersionListSchema>;

/** A side of a desk-copy comparison: a kept version's id, the current desk copy, or the agency's original text. */
export const DeskDiffSideSchema = z.union([z.literal("current"), z.literal("agency"), z.coerce.number().int().positive()]);
export type DeskDiffSide = z.infer<typeof DeskDiffSideSchema>;
export const DeskDiffQuerySchema = z.object({ from: DeskDiffSideSchema, to: DeskDiffSideSchema.default("current") });

/** `GET /api/stories/:id/desk-diff?from=&to=`: the word-level difference between two texts of the desk copy. */
export const DeskDiffSchema = z.object({
  headline: z.array(DiffOpSchema),
  /** The short co-edited fields: a restore sets them too, so the comparison shows them. */
  slugline: z.array(DiffOpSchema),
  byline: z.array(DiffOpSchema),
  abstract: z.array(DiffOpSchema),
  body: z.array(DiffOpSchema),
  tooLarge: z.boolean().optional(),
});
export type DeskDiff = z.infer<typeof DeskDiffSchema>;
