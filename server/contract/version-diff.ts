import { z } from "zod";

/** One run of a word-level difference: unchanged, added in the newer version, or removed from the older. */
export const DiffOpSchema = z.object({ op: z.enum(["equal", "insert", "delete"]), text: z.string() });
export type DiffOp = z.infer<typeof DiffOpSchema>;

/** `GET /api/stories/:id/diff?from=N&to=M`: what changed between two agency versions. */
export const VersionDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  headline: z.array(DiffOpSchema),
  body: z.array(DiffOpSchema),
  /** True when the bodies differ too much to compare word by word: the change is shown whole. */
  tooLarge: z.boolean().optional(),
});
export type VersionDiff = z.infer<typeof VersionDiffSchema>;

/** The query of the diff route: two agency version numbers. */
export const VersionDiffQuerySchema = z.object({
  from: z.coerce.number().int().nonnegative(),
  to: z.coerce.number().int().nonnegative(),
});
