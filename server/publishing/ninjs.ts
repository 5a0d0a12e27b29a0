import type { PublicationRecord } from "@/db/schema";
import { storyPath } from "../contract/public-site";
import { sanitizeWireHtml } from "../ingest/text/sanitize";

/** A ninjs 2.1 news item (the fields Wiredesk fills). */
export interface NinjsItem {
  uri: string;
  type: "text";
  version: string;
  firstcreated: string;
  versioncreated: string;
  pubstatus: "usable" | "canceled";
  urgency: number;
  language?: string;
  headlines: { value: string; role: string }[];
  descriptions?: { value: string; role: string }[];
  bodies?: { value: string; contenttype: string; role: string }[];
  by?: string;
  slugline?: string;
  located?: string;
  subjects?: { name: string }[];
  infosources?: { name: string; role: string }[];
  copyrightnotice?: string;
  ednote?: string;
  altids: { role: string; value: string }[];
  renditions?: { name: string; href: string; contenttype: string }[];
}

/** The stable identifier of a story's publication (the same across corrections). */
export function publicationUri(storyId: string): string {
  return `urn:wiredesk:story:${storyId}`;
}

/**
 * A publication as an IPTC ninjs 2.1 item: the desk copy as of the last publish or correct, the agency
 * credited as info source and copyright holder, corrections as descriptions, a kill as `canceled`.
 */
export function presentNinjs(p: PublicationRecord, baseUrl: string): NinjsItem {
  const killed = p.state === "killed";
  const item: NinjsItem = {
    uri: publicationUri(p.storyId),
    type: "text",
    version: String(p.version),
    firstcreated: p.firstPublishedAt,
    versioncreated: p.updatedAt,
    pubstatus: killed ? "canceled" : "usable",
    urgency: p.urgency,
    headlines: [{ value: p.headline, role: "main" }, ...(p.subheadline ? [{ value: p.subheadline, role: "sub" }] : [])],
    altids: [{ role: "wiredesk", value: p.storyId }],
  };
  if (p.language) item.language = p.language;
  const descriptions = [
    ...(p.abstract ? [{ value: p.abstract, role: "summary" }] : []),
    ...p.corrections.map((c) => ({ value: `Correction (${c.at}): ${c.note}`, role: "correction" })),
  ];
  if (descriptions.length > 0) item.descriptions = descriptions;
  if (!killed) item.bodies = [{ value: sanitizeWireHtml(p.bodyHtml), contenttype: "text/html", role: "main" }];
  if (killed) item.ednote = `Withdrawn: ${p.killReason ?? "this story has been withdrawn"}`;
  if (p.byline) item.by = p.byline;
  if (p.slugline) item.slugline = p.slugline;
  const located = p.datelinePlace ?? p.datelineText;
  if (located) item.located = located;
  if (p.categories.length > 0) item.subjects = p.categories.map((name) => ({ name }));
  if (p.agency) {
    item.infosources = [{ name: p.agency, role: "originating agency" }];
    item.copyrightnotice = `Copyright ${p.agency}`;
  }
  if (!killed) item.renditions = [{ name: "web", href: `${baseUrl}${storyPath(p.slug, p.storyId)}`, contenttype: "text/html" }];
  return item;
}
