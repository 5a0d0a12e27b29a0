import type { PubStatus } from "../../contract/story";
import type { NormalizedStory } from "../../domain/normalized-story";
import { paragraphsToHtml } from "../text/sanitize";
import { normalizeUrgency } from "../text/urgency";
import { knownGenres } from "../text/vocabulary";
import { datelineFromText, mergeDatelines } from "./dateline-fields";
import { type ExtractedBody, nitfBodyToHtml, nitfHead } from "./nitf-body";
import { contentGuid, emptyStory, finishStory, parseVersion, unique } from "./story-builder";
import { isoDate } from "./wire-dates";
import { xhtmlBodyToHtml } from "./xhtml-body";
import type { XmlElement } from "./xml/nodes";
import { attr, child, childText, elements, qcodeValue, text, textOf } from "./xml/walk";

const PUB_STATUS: Readonly<Record<string, PubStatus>> = { usable: "usable", withheld: "withheld", canceled: "canceled", cancelled: "canceled" };
// dpa repeats its notes in an XHTML "notepad": not notes again.
const SKIPPED_NOTE_ROLES = /(?:notepad|correctionshort)$/i;
// The desk's closing line of initials (`dpa abc yydd n1 sku`) is kept last, as every format keeps sign-offs.
const CLOSING_LINE_ROLE = /closingline$/i;

/** The chosen headline (rank 1 / no role / role main) and subheadline of a G2 contentMeta. */
function headlines(meta: XmlElement | null): { headline: string | null; subheadline: string | null } {
  const all = elements(meta, "headline");
  const role = (el: XmlElement) => (attr(el, "role") ?? "").toLowerCase();
  const isSub = (el: XmlElement) => /sub|strap|kicker/.test(role(el)) || (attr(el, "rank") ?? "1") !== "1";
  const main = all.find((el) => attr(el, "rank") === "1") ?? all.find((el) => !isSub(el)) ?? all[0];
  const sub = all.find((el) => el !== main && isSub(el));
  return { headline: text(main), subheadline: text(sub) };
}

/** Body of a G2 contentSet: embedded NITF or (X)HTML in inlineXML, else plain inlineData. */
function contentBody(contentSet: XmlElement | null): { body: ExtractedBody; nitf: XmlElement | null } {
  for (const inline of elements(contentSet, "inlineXML")) {
    const nitf = child(inline, "nitf");
    if (nitf) return { body: nitfBodyToHtml(nitf), nitf };
    if (elements(inline).length > 0) return { body: xhtmlBodyToHtml(inline), nitf: null };
    // Escaped HTML as text inside inlineXML (not valid G2, but seen): it is HTML all the same.
    const escaped = textOf(inline).trim();
    if (escaped) return { body: { html: escaped, datelineText: null }, nitf: null };
  }
  const data = child(contentSet, "inlineData");
  const paragraphs = textOf(data).split(/\r?\n\s*\r?\n/);
  return { body: { html: paragraphsToHtml(paragraphs), datelineText: null }, nitf: null };
}

/** True when the item carries text content (used when itemClass is missing). */
export function hasTextContent(item: XmlElement): boolean {
  const contentSet = child(item, "contentSet");
  return elements(contentSet, "inlineXML").some((el) => elements(el).length > 0) || text(child(contentSet, "inlineData")) !== null;
}

function editorNote(itemMeta: XmlElement | null): string | null {
  const role = (el: XmlElement) => attr(el, "role") ?? "";
  const all = elements(itemMeta, "edNote").filter((el) => !SKIPPED_NOTE_ROLES.test(role(el)));
  const notes = [...all.filter((el) => !CLOSING_LINE_ROLE.test(role(el))), ...all.filter((el) => CLOSING_LINE_ROLE.test(role(el)))];
  const texts = unique(notes.map((el) => text(el)));
  return texts.length > 0 ? texts.join("\n") : null;
}

function byline(meta: XmlElement | null, nitfByline: string | null): string | null {
  const by = elements(meta, "by").map((el) => text(el));
  if (by.some((b) => b)) return unique(by).join("; ");
  if (nitfByline) return nitfByline;
  // Creator names that look like system accounts (`kunigkeit.sebastian`, `load`) are not bylines.
  const names = elements(meta, "creator").map((el) => childText(el, "name")).filter((n) => n !== null && /\s/.test(n));
  return names.length > 0 ? unique(names).join("; ") : null;
}

/**
 * `<genre>` names (`Meldung`, `Interview`) and the canonical genre of their qcodes (`genre:interview`):
 * genres join the categories in the one vocabulary, as the other formats' genres do.
 */
function genres(meta: XmlElement | null): string[] {
  const all = elements(meta, "genre");
  return unique([...all.map((el) => childText(el, "name")), ...knownGenres(all.map((el) => attr(el, "qcode")))]);
}

/** Maps one NewsML-G2 text newsItem to a normalized story (body sanitized, dateline span stripped). */
export function g2TextStory(item: XmlElement, inheritedLang: string | null): NormalizedStory {
  const itemMeta = child(item, "itemMeta");
  const meta = child(item, "contentMeta");
  const { body, nitf } = contentBody(child(item, "contentSet"));
  const head = nitfHead(nitf);
  const { headline, subheadline } = headlines(meta);
  const descriptions = elements(meta, "description");
  const teaser = descriptions.find((el) => /teaser|summary|abstract/i.test(attr(el, "role") ?? ""));
  const statusCode = qcodeValue(attr(child(itemMeta, "pubStatus"), "qcode"))?.toLowerCase() ?? "usable";
  const datelineMeta = datelineFromText(childText(meta, "dateline") ?? body.datelineText);
  const located = child(meta, "located");
  const provider = child(itemMeta, "provider");
  const fields = {
    ...emptyStory("newsml-g2", attr(item, "guid") ?? ""),
    version: parseVersion(attr(item, "version")),
    versionCreated: isoDate(childText(itemMeta, "versionCreated")) ?? isoDate(childText(meta, "contentModified")),
    firstCreated: isoDate(childText(itemMeta, "firstCreated")) ?? isoDate(childText(meta, "contentCreated")),
    pubStatus: PUB_STATUS[statusCode] ?? "usable",
    headline: headline ?? head.headline ?? body.headline ?? childText(itemMeta, "title") ?? "",
    subheadline: subheadline ?? head.subheadline,
    slugline: childText(meta, "slugline"),
    byline: byline(meta, head.byline ?? body.byline ?? null),
    dateline: mergeDatelines(datelineMeta, { ...head.dateline, text: null }),
    urgency: normalizeUrgency(parseVersion(childText(meta, "urgency"), 0) || null, "iptc"),
    agency: qcodeValue(attr(provider, "qcode")) ?? childText(provider, "name") ?? head.distributor,
    language: attr(child(meta, "language"), "tag") ?? attr(item, "lang") ?? inheritedLang,
    abstract: text(teaser) ?? head.abstract,
    editorNote: editorNote(itemMeta),
    embargoUntil: isoDate(childText(itemMeta, "embargoed")),
    supersedes: unique(
      elements(itemMeta, "link")
        .filter((el) => /(?:^|:)prev(?:ious)?Version$/i.test(attr(el, "rel") ?? ""))
        .map((el) => attr(el, "residref") ?? attr(el, "href")),
    ),
    signals: unique(elements(itemMeta, "signal").map((el) => attr(el, "qcode"))),
    categories: unique([...elements(meta, "subject").map((el) => childText(el, "name") ?? attr(el, "qcode")), ...genres(meta)]),
    keywords: unique(elements(meta, "keyword").map((el) => text(el))),
  };
  const finished = finishStory(fields, body.html);
  // `located` (its name, else its literal) only fills a place that neither dateline nor body gave.
  const place = finished.dateline.place ?? childText(located, "name") ?? attr(located, "literal");
  const story = { ...finished, dateline: { ...finished.dateline, place } };
  return story.guid ? story : { ...story, guid: contentGuid("newsml-g2", story.headline, story.bodyText) };
}
