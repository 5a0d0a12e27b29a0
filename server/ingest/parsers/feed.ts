import type { NormalizedStory, WireFormat } from "../../domain/normalized-story";
import { cleanText } from "../text/plain-text";
import { feedHtml, feedText } from "./feed-content";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser, requireContent } from "./parser-guard";
import { contentGuid, emptyStory, finishStory, type StoryFields, unique } from "./story-builder";
import { epochSeconds, isoDate, rfc822ToIso } from "./wire-dates";
import type { XmlElement } from "./xml/nodes";
import { parseXmlBytes } from "./xml/parse-xml";
import { attr, child, childText, elements, text } from "./xml/walk";

/** What a feed item inherits from its channel/feed. */
interface FeedContext {
  language: string | null;
  title: string | null;
}

/** Common tail: timestamps → version, guid fallback from the text, sanitizing. */
function feedStory(
  format: WireFormat,
  item: { id: string | null; updated: string | null; published: string | null; html: string },
  fields: Omit<Partial<StoryFields>, "format" | "guid">,
): NormalizedStory {
  const base = emptyStory(format, item.id ?? "");
  const story = finishStory(
    {
      ...base,
      ...fields,
      versionCreated: item.updated ?? item.published,
      firstCreated: item.published ?? item.updated,
      version: epochSeconds(item.updated ?? item.published) ?? 1,
    },
    item.html,
  );
  if (story.guid) return story;
  // No id and no link: hash what identifies the item across re-deliveries (not only the text).
  const identity = [story.bodyText, story.firstCreated ?? "", story.byline ?? ""].join("\n");
  return { ...story, guid: contentGuid(format, story.headline, identity) };
}

function rssItem(item: XmlElement, context: FeedContext): NormalizedStory {
  const encoded = child(item, "encoded");
  const description = child(item, "description");
  const dcDate = childText(item, "date");
  return feedStory(
    "rss",
    {
      id: childText(item, "guid") ?? elements(item, "link").map((el) => text(el)).find((link) => link !== null) ?? null,
      updated: dcDate ? (isoDate(dcDate) ?? rfc822ToIso(dcDate)) : null,
      published: rfc822ToIso(childText(item, "pubDate")),
      html: feedHtml(encoded ?? description),
    },
    {
      headline: feedText(child(item, "title")) ?? "",
      abstract: encoded ? feedText(description) : null,
      byline: childText(item, "creator") ?? childText(item, "author"),
      agency: childText(item, "source") ?? context.title,
      language: context.language,
      categories: unique(elements(item, "category").map((el) => text(el))),
    },
  );
}

function atomEntry(entry: XmlElement, context: FeedContext & { author: string | null }): NormalizedStory {
  const content = child(entry, "content");
  const summary = child(entry, "summary");
  const links = elements(entry, "link");
  const alternate = links.find((el) => (attr(el, "rel") ?? "alternate") === "alternate");
  const authors = unique(elements(entry, "author").map((el) => childText(el, "name")));
  return feedStory(
    "atom",
    {
      id: childText(entry, "id") ?? attr(alternate ?? null, "href"),
      updated: isoDate(childText(entry, "updated")) ?? rfc822ToIso(childText(entry, "updated")),
      published: isoDate(childText(entry, "published")),
      html: feedHtml(content ?? summary),
    },
    {
      headline: feedText(child(entry, "title")) ?? "",
      abstract: content ? feedText(summary) : null,
      byline: authors.length > 0 ? authors.join(", ") : context.author,
      agency: feedText(child(entry, "source", "title")) ?? context.title,
      language: attr(entry, "lang") ?? context.language,
      categories: unique(elements(entry, "category").map((el) => attr(el, "term") ?? attr(el, "label"))),
    },
  );
}

/** Parses an RSS 2.0 (or RSS 1.0 RDF) feed: every item is a story, even one without a text body. */
export const parseRss: WireParser = guardParser("rss", (bytes: Uint8Array): ParsedDelivery => {
  const root = parseXmlBytes(bytes, "rss");
  const name = root.name.toLowerCase();
  if (name !== "rss" && name !== "rdf") throw new WireParseError("malformed", `root element <${root.name}> is not <rss>`, "rss");
  const channel = child(root, "channel");
  const items = [...elements(channel, "item"), ...(name === "rdf" ? elements(root, "item") : [])];
  const context = { language: cleanText(childText(channel, "language")) ?? attr(root, "lang"), title: childText(channel, "title") };
  return requireContent({ format: "rss", stories: items.map((item) => rssItem(item, context)), recorded: [] }, "the feed has no item");
});

/** Parses an Atom 1.0 feed (or a lone entry): every entry is a story. */
export const parseAtom: WireParser = guardParser("atom", (bytes: Uint8Array): ParsedDelivery => {
  const root = parseXmlBytes(bytes, "atom");
  const name = root.name.toLowerCase();
  if (name !== "feed" && name !== "entry") throw new WireParseError("malformed", `root element <${root.name}> is not <feed>`, "atom");
  const entries = name === "entry" ? [root] : elements(root, "entry");
  const context = {
    language: attr(root, "lang"),
    title: name === "feed" ? feedText(child(root, "title")) : null,
    author: name === "feed" ? childText(root, "author", "name") : null,
  };
  return requireContent({ format: "atom", stories: entries.map((entry) => atomEntry(entry, context)), recorded: [] }, "the feed has no entry");
});
