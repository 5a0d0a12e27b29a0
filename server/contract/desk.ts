import { z } from "zod";

const RuleText = z.string().trim().min(1).max(100);

/** One routing rule as stored and shown: every non-null field must match the story. */
export const DeskRuleDtoSchema = z.object({
  agency: z.string().nullable(),
  category: z.string().nullable(),
  keyword: z.string().nullable(),
  urgencyMax: z.number().int().nullable(),
});
export type DeskRuleDto = z.infer<typeof DeskRuleDtoSchema>;

/** A routing rule as an admin sends it; omitted fields are "any". A rule with no field catches every story. */
export const DeskRuleInputSchema = z
  .object({
    agency: RuleText.nullable().optional(),
    category: RuleText.nullable().optional(),
    keyword: RuleText.nullable().optional(),
    urgencyMax: z.number().int().min(1).max(9).nullable().optional(),
  })
  .strict()
  .transform((r): DeskRuleDto => ({ agency: r.agency ?? null, category: r.category ?? null, keyword: r.keyword ?? null, urgencyMax: r.urgencyMax ?? null }));
export type DeskRuleInput = z.input<typeof DeskRuleInputSchema>;

/** A desk with its rules in the order they are tried. */
export const DeskDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  rules: z.array(DeskRuleDtoSchema),
});
export type DeskDto = z.infer<typeof DeskDtoSchema>;

/** `GET /api/desks`: desks in routing order (the first desk with a matching rule takes a story). */
export const DeskListSchema = z.object({ desks: z.array(DeskDtoSchema) });
export type DeskList = z.infer<typeof DeskListSchema>;

const DeskName = z.string().trim().min(1, "give the desk a name").max(60);
const Rules = z.array(DeskRuleInputSchema).max(50, "at most 50 rules per desk");

/** `POST /api/desks`. */
export const DeskInputSchema = z.object({ name: DeskName, rules: Rules.default([]) }).strict();
export type DeskInput = z.infer<typeof DeskInputSchema>;

/** `PATCH /api/desks/:id`: rules, when given, replace the desk's rules. */
export const DeskPatchSchema = z.object({ name: DeskName.optional(), rules: Rules.optional() }).strict();
export type DeskPatch = z.infer<typeof DeskPatchSchema>;

/** `PUT /api/desks/order`: every desk's id, once, in the routing order wanted. */
export const DeskOrderInputSchema = z
  .object({
    deskIds: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, "each desk once: a desk is named twice"),
  })
  .strict();
export type DeskOrderInput = z.infer<typeof DeskOrderInputSchema>;

/** `PUT /api/users/:id/desks`: the complete set of desks the user belongs to. */
export const UserDesksInputSchema = z.object({ deskIds: z.array(z.string().min(1).max(64)).max(50) }).strict();
export type UserDesksInput = z.infer<typeof UserDesksInputSchema>;
