import type { NormalizedStory, RecordedItem } from "../../domain/normalized-story";
import { g2TextStory, hasTextContent } from "./newsml-g2-item";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser, requireContent } from "./parser-guard";
import { parseVersion } from "./story-builder";
import type { XmlElement } from "./xml/nodes";
import { parseXmlBytes } from "./xml/parse-xml";
import { attr, child, childText, elements } from "./xml/walk";

const ITEM_ROOTS = new Set(["newsitem", "packageitem", "conceptitem", "knowledgeitem", "planningitem", "catalogitem"]);

function itemClassOf(item: XmlElement): string | null {
  return attr(child(item, "itemMeta", "itemClass"), "qcode");
}

function isTextItem(item: XmlElement): boolean {
  if (item.name.toLowerCase() !== "newsitem") return false;
  const itemClass = itemClassOf(item);
  return itemClass ? /(?:^|:)text$/i.test(itemClass) : hasTextContent(item);
}

function record(item: XmlElement): RecordedItem {
  const meta = child(item, "contentMeta");
  const isPackage = item.name.toLowerCase() === "packageitem";
  return {
    format: "newsml-g2",
    guid: attr(item, "guid") ?? "",
    version: parseVersion(attr(item, "version")),
    itemClass: isPackage ? "packageItem" : (itemClassOf(item) ?? item.name),
    headline: childText(meta, "headline") ?? childText(item, "itemMeta", "title") ?? childText(meta, "description"),
  };
}

/** A text item that says nothing (no headline, no body) and kills nothing is recorded, not queued. */
function isEmptyStory(story: NormalizedStory): boolean {
  return story.headline === "" && story.bodyText === "" && story.pubStatus === "usable";
}

/** The items of a G2 document: the root item itself or the `itemSet` of a `newsMessage`. */
function itemsOf(root: XmlElement): XmlElement[] {
  const name = root.name.toLowerCase();
  if (ITEM_ROOTS.has(name)) return [root];
  if (name === "newsmessage") {
    return elements(root, "itemSet").flatMap((set) => elements(set).filter((el) => ITEM_ROOTS.has(el.name.toLowerCase())));
  }
  throw new WireParseError("malformed", `root element <${root.name}> is not a NewsML-G2 item or newsMessage`, "newsml-g2");
}

/**
 * Parses a NewsML-G2 delivery (`newsItem`, `packageItem` or `newsMessage` with an `itemSet`).
 * Text items (`ninat:text`, or no class but text content) become stories; packages, pictures,
 * video and other items are recorded. Elements are matched by local name (TT sends no namespace).
 */
export const parseNewsmlG2: WireParser = guardParser("newsml-g2", (bytes: Uint8Array): ParsedDelivery => {
  const root = parseXmlBytes(bytes, "newsml-g2");
  const rootLang = attr(root, "lang");
  const stories: NormalizedStory[] = [];
  const recorded: RecordedItem[] = [];
  for (const item of itemsOf(root)) {
    if (!isTextItem(item)) {
      recorded.push(record(item));
      continue;
    }
    const story = g2TextStory(item, rootLang);
    if (isEmptyStory(story)) recorded.push(record(item));
    else stories.push(story);
  }
  return requireContent({ format: "newsml-g2", stories, recorded }, "the document holds no item");
});
