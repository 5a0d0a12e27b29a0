import type { PubStatus } from "../../contract/story";
import type { NormalizedStory, RecordedItem } from "../../domain/normalized-story";
import { normalizeUrgency } from "../text/urgency";
import { datelineFromText, mergeDatelines, NO_DATELINE } from "./dateline-fields";
import { bodyOf, newsLine, roleText, textComponents, typedNewsLine } from "./newsml-1-2-components";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser, requireContent } from "./parser-guard";
import { contentGuid, emptyStory, finishStory, parseVersion, unique } from "./story-builder";
import { isoDate } from "./wire-dates";
import type { XmlElement } from "./xml/nodes";
import { parseXmlBytes } from "./xml/parse-xml";
import { attr, child, childText, descendants, findFirst } from "./xml/walk";

const STATUS: Readonly<Record<string, PubStatus>> = { usable: "usable", withheld: "withheld", canceled: "canceled", cancelled: "canceled" };

/** PublicIdentifier without its trailing revision, or ProviderId:DateId:NewsItemId. */
function guidOf(identifier: XmlElement | null): string | null {
  const revision = childText(identifier, "RevisionId");
  const publicId = childText(identifier, "PublicIdentifier");
  if (publicId) return revision && publicId.endsWith(`:${revision}`) ? publicId.slice(0, -revision.length - 1) : publicId;
  const parts = ["ProviderId", "DateId", "NewsItemId"].map((name) => childText(identifier, name));
  return parts.every((part) => part) ? `urn:newsml:${parts.join(":")}` : null;
}

function originCity(item: XmlElement): string | null {
  const origin = descendants(item, "Location").find((el) => (attr(el, "HowPresent") ?? "").toLowerCase() === "origin");
  const city = descendants(origin, "Property").find((el) => (attr(el, "FormalName") ?? "").toLowerCase() === "city");
  return attr(city ?? null, "Value");
}

function keywords(item: XmlElement): string[] {
  const properties = descendants(item, "Property").filter((el) => {
    const name = attr(el, "FormalName") ?? "";
    return (name === "Keyword" && !attr(el, "Role")) || /Keywords$/.test(name);
  });
  return unique(properties.map((el) => attr(el, "Value")));
}

function categories(item: XmlElement): string[] {
  const codes = descendants(item, "SubjectCode").flatMap((code) => code.children);
  return unique(codes.map((node) => (typeof node === "string" ? null : attr(node, "FormalName"))));
}

function storyOf(item: XmlElement, envelopeParty: string | null): NormalizedStory | RecordedItem {
  const identifier = child(item, "Identification", "NewsIdentifier");
  const management = child(item, "NewsManagement");
  const components = textComponents(item);
  const found = bodyOf(components);
  const headline = newsLine(components, "HeadLine") ?? roleText(components, "headline") ?? found?.head?.headline ?? null;
  const version = parseVersion(childText(identifier, "RevisionId"));
  if (!found && !headline) {
    const mediaType = attr(findFirst(item, "MediaType"), "FormalName") ?? "NewsItem";
    return { format: "newsml-1.2", guid: guidOf(identifier) ?? "", version, itemClass: mediaType, headline: null };
  }
  const head = found?.head ?? null;
  const status = (attr(child(management, "Status"), "FormalName") ?? "usable").toLowerCase();
  const urgency = parseVersion(attr(child(management, "Urgency"), "FormalName"), 0);
  const creator = attr(child(findFirst(item, "Creator"), "Party"), "FormalName");
  const cityDateline = { ...NO_DATELINE, place: originCity(item) };
  const lineDate = { ...NO_DATELINE, date: isoDate(childText(findFirst(item, "DescriptiveMetadata"), "DateLineDate"))?.slice(0, 10) ?? null };
  const fields = {
    ...emptyStory("newsml-1.2", guidOf(identifier) ?? ""),
    version,
    versionCreated: isoDate(childText(management, "ThisRevisionCreated")),
    firstCreated: isoDate(childText(management, "FirstCreated")),
    pubStatus: STATUS[status] ?? "usable",
    headline: headline ?? "",
    subheadline: newsLine(components, "SubHeadLine") ?? roleText(components, "subheadline") ?? head?.subheadline ?? null,
    slugline: newsLine(components, "SlugLine") ?? childText(item, "Identification", "NameLabel"),
    byline: newsLine(components, "ByLine") ?? head?.byline ?? found?.body.byline ?? creator,
    dateline: mergeDatelines(cityDateline, datelineFromText(newsLine(components, "DateLine")), head?.dateline ?? NO_DATELINE, lineDate),
    urgency: normalizeUrgency(urgency || null, "iptc"),
    agency: attr(findFirst(findFirst(item, "Provider"), "Party"), "FormalName") ?? envelopeParty ?? childText(identifier, "ProviderId"),
    language: attr(findFirst(item, "Language"), "FormalName") ?? attr(item, "lang"),
    abstract: head?.abstract ?? null,
    editorNote: typedNewsLine(components, /advisory|editor/i),
    embargoUntil: isoDate(childText(management, "StatusWillChange", "DateAndTime")),
    signals: (attr(child(identifier, "RevisionId"), "Update") ?? "").toUpperCase() === "U" ? ["sig:update"] : [],
    categories: categories(item),
    keywords: keywords(item),
  };
  const story = finishStory(fields, found?.body.html ?? "");
  return story.guid ? story : { ...story, guid: contentGuid("newsml-1.2", story.headline, story.bodyText) };
}

/** Parses a NewsML 1.2 delivery (AFP, Business Wire profiles): each text NewsItem becomes a story. */
export const parseNewsml12: WireParser = guardParser("newsml-1.2", (bytes: Uint8Array): ParsedDelivery => {
  const root = parseXmlBytes(bytes, "newsml-1.2");
  const name = root.name.toLowerCase();
  if (name !== "newsml" && name !== "newsitem") {
    throw new WireParseError("malformed", `root element <${root.name}> is not <NewsML>`, "newsml-1.2");
  }
  const envelopeParty = attr(findFirst(child(root, "NewsEnvelope"), "Party"), "FormalName");
  const items = name === "newsitem" ? [root] : descendants(root, "NewsItem");
  const delivery: ParsedDelivery = { format: "newsml-1.2", stories: [], recorded: [] };
  for (const item of items) {
    const result = storyOf(item, envelopeParty);
    if ("bodyHtml" in result) delivery.stories.push(result);
    else delivery.recorded.push(result);
  }
  return requireContent(delivery, "the document holds no NewsItem");
});
