import type { PubStatus } from "../../contract/story";
import type { NormalizedStory } from "../../domain/normalized-story";
import { normalizeUrgency } from "../text/urgency";
import { knownGenres } from "../text/vocabulary";
import { datelineFromText, mergeDatelines } from "./dateline-fields";
import { nitfBodyToHtml, nitfHead } from "./nitf-body";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser } from "./parser-guard";
import { contentGuid, emptyStory, finishStory, parseVersion, unique } from "./story-builder";
import { isoDate } from "./wire-dates";
import type { XmlElement } from "./xml/nodes";
import { parseXmlBytes } from "./xml/parse-xml";
import { attr, child, childText, descendants, elements } from "./xml/walk";

/** The shared NITF body renderers (sanitized HTML / raw HTML + removed dateline), re-exported. */
export { nitfBodyHtml, nitfBodyToHtml } from "./nitf-body";

function pubStatus(docdata: XmlElement | null): { status: PubStatus; embargoed: boolean } {
  const value = (attr(docdata, "management-status") ?? "usable").toLowerCase();
  if (value === "withheld") return { status: "withheld", embargoed: false };
  if (value === "canceled" || value === "cancelled") return { status: "canceled", embargoed: false };
  return { status: "usable", embargoed: value === "embargoed" };
}

function keywords(docdata: XmlElement | null): string[] {
  const keys = elements(child(docdata, "key-list"), "keyword").map((el) => attr(el, "key"));
  // dpa-infocom packs a 7901-style slug into one keyword: "Auszeichnungen/Film/Niedersachsen/".
  return unique(keys.flatMap((key) => (key ?? "").split("/").map((part) => part.trim())));
}

/**
 * Subject names, and the genre of `tobject.type` / `tobject.property.type` (`Analysis`, `feature`) when
 * it is one the vocabulary knows (an agency's desk name there, `Utenriks`, is no genre and is left out).
 */
function categories(head: XmlElement | null): string[] {
  const subjects = descendants(head, "tobject.subject");
  const tobjects = descendants(head, "tobject");
  const genreValues = [...tobjects.map((el) => attr(el, "tobject.type")), ...descendants(head, "tobject.property").map((el) => attr(el, "tobject.property.type"))];
  return unique([
    ...subjects.map((el) => attr(el, "tobject.subject.detail") ?? attr(el, "tobject.subject.matter") ?? attr(el, "tobject.subject.type")),
    ...knownGenres(genreValues),
  ]);
}

function supersedes(docdata: XmlElement | null): string[] {
  const ref = attr(docdata, "management-doc-idref");
  const refStatus = (attr(docdata, "management-idref-status") ?? "").toLowerCase();
  return ref && (refStatus === "canceled" || refStatus === "cancelled") ? [ref] : [];
}

function editorNote(docdata: XmlElement | null, headNote: string | null): string | null {
  const infos = [...elements(docdata, "ed-msg"), ...elements(docdata, "correction")].map((el) => attr(el, "info"));
  const notes = unique([...infos, headNote]);
  return notes.length > 0 ? notes.join("\n") : null;
}

/** Maps one `<nitf>` document to a normalized story (no doc-id → guid derived from the text). */
export function nitfStory(nitf: XmlElement): NormalizedStory {
  const head = child(nitf, "head");
  const docdata = child(head, "docdata");
  const duKey = child(docdata, "du-key");
  const bodyHead = nitfHead(child(nitf, "body"));
  const body = nitfBodyToHtml(nitf);
  const { status, embargoed } = pubStatus(docdata);
  const release = isoDate(attr(child(docdata, "date.release"), "norm"));
  const urgency = parseVersion(attr(child(docdata, "urgency"), "ed-urg"), 0);
  const fields = {
    ...emptyStory("nitf", attr(child(docdata, "doc-id"), "id-string") ?? ""),
    version: parseVersion(attr(duKey, "version") ?? attr(duKey, "generation")),
    versionCreated: isoDate(attr(child(docdata, "date.issue"), "norm")),
    pubStatus: embargoed && !release ? ("withheld" as const) : status,
    headline: bodyHead.headline ?? body.headline ?? childText(head, "title") ?? "",
    subheadline: bodyHead.subheadline,
    slugline: attr(duKey, "key") ?? attr(child(docdata, "key-list", "keyword"), "key"),
    byline: bodyHead.byline ?? body.byline ?? null,
    dateline: mergeDatelines(bodyHead.dateline, datelineFromText(body.datelineText)),
    urgency: normalizeUrgency(urgency || null, "nitf"),
    agency: bodyHead.distributor ?? attr(child(docdata, "doc-id"), "regsrc"),
    language: attr(nitf, "baselang") ?? attr(nitf, "lang"),
    abstract: bodyHead.abstract,
    editorNote: editorNote(docdata, bodyHead.editorsNote),
    embargoUntil: release,
    supersedes: supersedes(docdata),
    signals: child(docdata, "correction") ? ["sig:correction"] : [],
    categories: categories(head),
    keywords: keywords(docdata),
  };
  const story = finishStory(fields, body.html);
  return story.guid ? story : { ...story, guid: contentGuid("nitf", story.headline, story.bodyText) };
}

/** Parses a NITF 3.x document (namespaced or not) into one story. */
export const parseNitf: WireParser = guardParser("nitf", (bytes: Uint8Array): ParsedDelivery => {
  const root = parseXmlBytes(bytes, "nitf");
  if (root.name.toLowerCase() !== "nitf") {
    throw new WireParseError("malformed", `root element <${root.name}> is not <nitf>`, "nitf");
  }
  return { format: "nitf", stories: [nitfStory(root)], recorded: [] };
});
