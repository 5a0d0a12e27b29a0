import type { PublishLimits } from "../contract/publish-rules";
import type { Env } from "../env";

/** The editorial length limits from the settings: publishing checks them and the editor's counters show them. */
export function editorialLimits(env: Pick<Env, "WIREDESK_PUBLISH_HEADLINE_MAX" | "WIREDESK_PUBLISH_SLUGLINE_MAX" | "WIREDESK_PUBLISH_ABSTRACT_MAX">): PublishLimits {
  return { headline: env.WIREDESK_PUBLISH_HEADLINE_MAX, slugline: env.WIREDESK_PUBLISH_SLUGLINE_MAX, abstract: env.WIREDESK_PUBLISH_ABSTRACT_MAX };
}
