import type { PublicationRecord } from "@/db/schema";
import { publicationUri } from "./ninjs";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function paragraphs(bodyText: string): string {
  return bodyText
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join("");
}

/**
 * A publication as a NewsML-G2 2.35 newsItem (power conformance): item and content metadata, the agency
 * as info source and credit, corrections as edNotes, the body as XHTML paragraphs in inlineXML.
 */
export function renderNewsml(p: PublicationRecord): string {
  const lang = p.language ?? "und";
  const killed = p.state === "killed";
  const notes = [...p.corrections.map((c) => `Correction (${c.at}): ${c.note}`), ...(killed ? [`Withdrawn: ${p.killReason ?? ""}`.trim()] : [])];
  const located = p.datelinePlace ?? null;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${escapeXml(publicationUri(p.storyId))}" version="${p.version}" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="${escapeXml(lang)}">`,
    `<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>`,
    ...(p.agency ? [`<rightsInfo><copyrightHolder literal="${escapeXml(p.agency)}"><name>${escapeXml(p.agency)}</name></copyrightHolder></rightsInfo>`] : []),
    `<itemMeta>`,
    `<itemClass qcode="ninat:text"/>`,
    `<provider literal="Wiredesk"/>`,
    `<versionCreated>${p.updatedAt}</versionCreated>`,
    `<firstCreated>${p.firstPublishedAt}</firstCreated>`,
    `<pubStatus qcode="${killed ? "stat:canceled" : "stat:usable"}"/>`,
    ...notes.map((n) => `<edNote>${escapeXml(n)}</edNote>`),
    `</itemMeta>`,
    `<contentMeta>`,
    `<urgency>${Math.min(9, Math.max(1, Math.round(p.urgency)))}</urgency>`,
    ...(located ? [`<located literal="${escapeXml(located)}"><name>${escapeXml(located)}</name></located>`] : []),
    ...(p.agency ? [`<infoSource role="cpnat:originatingAgency" literal="${escapeXml(p.agency)}"><name>${escapeXml(p.agency)}</name></infoSource>`] : []),
    `<language tag="${escapeXml(lang)}"/>`,
    ...p.categories.map((c) => `<subject literal="${escapeXml(c)}"><name>${escapeXml(c)}</name></subject>`),
    ...(p.slugline ? [`<slugline>${escapeXml(p.slugline)}</slugline>`] : []),
    `<headline>${escapeXml(p.headline)}</headline>`,
    ...(p.subheadline ? [`<headline role="hdlrol:subtitle">${escapeXml(p.subheadline)}</headline>`] : []),
    ...(p.datelineText ? [`<dateline>${escapeXml(p.datelineText)}</dateline>`] : []),
    ...(p.byline ? [`<by>${escapeXml(p.byline)}</by>`] : []),
    ...(p.agency ? [`<creditline>${escapeXml(p.agency)}</creditline>`] : []),
    ...(p.abstract ? [`<description role="drol:summary">${escapeXml(p.abstract)}</description>`] : []),
    `</contentMeta>`,
    ...(killed
      ? []
      : [
          `<contentSet>`,
          `<inlineXML contenttype="application/xhtml+xml">`,
          `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${escapeXml(p.headline)}</title></head><body>${paragraphs(p.bodyText)}</body></html>`,
          `</inlineXML>`,
          `</contentSet>`,
        ]),
    `</newsItem>`,
  ];
  return lines.join("\n") + "\n";
}
