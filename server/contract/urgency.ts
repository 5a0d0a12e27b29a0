/**
 * The one table of urgency labels, 1 (highest) to 9 (lowest), as the formats define them: IPTC 7901
 * priorities 1-3 and ANPA f/b/u are FLASH, BULLETIN, URGENT; ANPA r is routine (5), d deferred (6),
 * a/s advances (7); IPTC's 1-9 scale ends in low (8) and lowest (9). Each label is distinct.
 */
export const URGENCY_LEVELS = [
  { urgency: 1, label: "FLASH", meaning: "flash: news of overriding importance" },
  { urgency: 2, label: "BULLETIN", meaning: "bulletin: a first brief report of major news" },
  { urgency: 3, label: "URGENT", meaning: "urgent: important news to use at once" },
  { urgency: 4, label: "HIGH", meaning: "high priority" },
  { urgency: 5, label: "ROUTINE", meaning: "routine: regular copy" },
  { urgency: 6, label: "DEFERRED", meaning: "deferred: may wait for the next cycle" },
  { urgency: 7, label: "ADVANCE", meaning: "advance: copy for later release" },
  { urgency: 8, label: "LOW", meaning: "low priority" },
  { urgency: 9, label: "LOWEST", meaning: "lowest priority" },
] as const;

export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

/** The level of an urgency (values outside 1-9 are clamped, so every story has a label). */
export function urgencyLevel(urgency: number): UrgencyLevel {
  const index = Math.min(9, Math.max(1, Math.round(urgency))) - 1;
  return URGENCY_LEVELS[index]!;
}

/** The label of an urgency: FLASH, BULLETIN, URGENT, HIGH, ROUTINE, DEFERRED, ADVANCE, LOW, LOWEST. */
export function urgencyName(urgency: number): UrgencyLevel["label"] {
  return urgencyLevel(urgency).label;
}
