import type { DeskDto } from "../contract/desk";
import type { DeskWithRules } from "../storage/desk-store";

/** The only way a desk reaches the wire. */
export function presentDesk({ desk, rules }: DeskWithRules): DeskDto {
  return { id: desk.id, name: desk.name, rules: rules.map((r) => ({ agency: r.agency, category: r.category, keyword: r.keyword, urgencyMax: r.urgencyMax })) };
}
