import type { PubStatus } from "../../contract/story";
import type { NormalizedStory, RecordedItem } from "../../domain/normalized-story";
import { cleanText, htmlToText } from "../text/plain-text";
import { sourceAgency } from "../text/dateline";
import { anpaPriorityToUrgency, normalizeUrgency } from "../text/urgency";
import { knownGenres } from "../text/vocabulary";
import { type JsonObject, field, objects, strings, text } from "./json-fields";
import { conceptNames, ninjsBodyHtml, pickByRole } from "./ninjs-body";
import { WireParseError } from "./parse-result";
import { emptyStory, finishStory, parseVersion, unique } from "./story-builder";
import { isoDate } from "./wire-dates";

/** ninjs item types that are recorded, never queued as stories. */
const NON_TEXT_TYPES = new Set(["picture", "graphic", "video", "audio", "composite", "component", "event", "planning"]);
const SUB_ROLES = ["sub", "subheadline", "subhead", "subtitle", "kicker"];
const ABSTRACT_SKIP = new Set(["caption", "creditline", "note", "alt", "alttext", "accessibility"]);
const NOT_LOCATED = ["mentions", "about", "subject"];

/** What one ninjs object becomes: a story, a recorded non-text item, or nothing (an empty text item). */
export type NinjsItemResult = { story: NormalizedStory } | { recorded: RecordedItem } | null;

function pubStatusOf(item: JsonObject): { status: PubStatus; signal: string | null } {
  const value = (text(item, "pubStatus", "pubstatus") ?? "usable").toLowerCase().replace(/^stat:/, "");
  if (value === "withheld") return { status: "withheld", signal: null };
  if (value === "canceled" || value === "cancelled") return { status: "canceled", signal: null };
  return { status: "usable", signal: value === "replaced" ? "replaced" : null };
}

/** 1.x `headline` / `headline_main`, 2.x/3.x `headlines[]` with role main, 3.x `title` as last resort. */
function headlineOf(item: JsonObject): string {
  return (
    text(item, "headline", "headline_main") ??
    pickByRole(item.headlines, ["main", ""], true) ??
    text(item, "title") ??
    ""
  );
}

function subheadlineOf(item: JsonObject): string | null {
  const fromHeadlines = pickByRole(item.headlines, SUB_ROLES, false) ?? text(item, "headline_sub", "headline_subheadline");
  return fromHeadlines ?? pickByRole(item.descriptions, SUB_ROLES, false);
}

function abstractOf(item: JsonObject): string | null {
  const entries = objects(item.descriptions).filter((entry) => {
    const role = (text(entry, "role") ?? "").toLowerCase();
    return !ABSTRACT_SKIP.has(role) && !SUB_ROLES.includes(role) && cleanText(entry.value);
  });
  const first = entries[0];
  if (first) return cleanText(htmlToText(String(first.value)));
  const html = text(item, "description_html");
  return text(item, "description_text", "description_summary") ?? (html ? cleanText(htmlToText(html)) : null);
}

/** The newsroom that vouches for the item: copyright holder, else the first info source. */
function agencyOf(item: JsonObject): string | null {
  const holder = text(item, "copyrightHolder", "copyrightholder");
  if (holder) return holder;
  const sources = [...objects(field(item, "infoSources", "infosources", "infosource")), ...objects([item.infosource])];
  return sources.map((source) => text(source, "name", "literal")).find((name) => name !== null) ?? null;
}

/** `located` string, else the first place not merely mentioned (`rel` mentions/about). */
function locatedOf(item: JsonObject): string | null {
  return text(item, "located") ?? conceptNames(field(item, "places", "place"), NOT_LOCATED)[0] ?? null;
}

function urgencyOf(item: JsonObject): number {
  const urgency = item.urgency;
  if (typeof urgency === "number" || typeof urgency === "string") return normalizeUrgency(urgency, "iptc");
  const priority = text(item, "editorialpriority");
  return priority ? anpaPriorityToUrgency(priority) : normalizeUrgency(null, "iptc");
}

function signalsOf(item: JsonObject, statusSignal: string | null): string[] {
  const raw = field(item, "signals", "signal");
  const list = Array.isArray(raw) ? raw : [raw];
  const names = list.map((entry) => (typeof entry === "object" && entry !== null ? text(entry as JsonObject, "name", "uri", "code") : cleanText(entry)));
  return unique([...names, statusSignal]);
}

function supersedesOf(item: JsonObject): string[] {
  const raw = field(item, "replacing", "replaces");
  return unique([...strings(raw), ...objects(raw).map((entry) => text(entry, "uri"))]);
}

/** `genres` names and the canonical genre of their uri or qcode (`…/newscodes/genre/Actuality`). */
function genresOf(item: JsonObject): string[] {
  const list = field(item, "genres", "genre");
  const codes = objects(list).map((entry) => text(entry, "uri", "qcode", "code"));
  return unique([...conceptNames(list), ...knownGenres(codes)]);
}

/** Maps one ninjs object (any of 1.x, 2.x, 3.x) to a story, a recorded item, or null when it is empty. */
export function ninjsItem(item: JsonObject): NinjsItemResult {
  const guid = text(item, "uri");
  if (!guid) throw new WireParseError("malformed", "a ninjs item has no uri (the one required property)", "ninjs");
  const version = parseVersion(text(item, "version"), 1);
  const type = (text(item, "type") ?? "text").toLowerCase();
  const headline = headlineOf(item);
  if (NON_TEXT_TYPES.has(type)) {
    return { recorded: { format: "ninjs", guid, version, itemClass: type, headline: headline || null } };
  }
  const bodyHtml = ninjsBodyHtml(item, headline);
  const abstract = abstractOf(item);
  if (!headline && !abstract && !htmlToText(bodyHtml)) return null;
  const { status, signal } = pubStatusOf(item);
  const story = finishStory(
    {
      ...emptyStory("ninjs", guid),
      version,
      versionCreated: isoDate(text(item, "versionCreated", "versioncreated")),
      firstCreated: isoDate(text(item, "firstCreated", "firstcreated", "contentCreated", "contentcreated")),
      embargoUntil: isoDate(text(item, "embargoedUntil", "embargoed")),
      pubStatus: status,
      headline,
      subheadline: subheadlineOf(item),
      slugline: text(item, "slugline"),
      byline: text(item, "by", "byline"),
      urgency: urgencyOf(item),
      agency: agencyOf(item),
      language: text(item, "language"),
      abstract,
      editorNote: text(item, "edNote", "ednote"),
      supersedes: supersedesOf(item),
      signals: signalsOf(item, signal),
      categories: unique([...conceptNames(field(item, "subjects", "subject")), ...genresOf(item)]),
      keywords: unique(strings(item.keywords)),
    },
    bodyHtml,
  );
  // A dateline written in the text wins; `located` only fills the place it leaves open.
  const dateline = { ...story.dateline, place: story.dateline.place ?? locatedOf(item) };
  return { story: { ...story, dateline, agency: story.agency ?? sourceAgency(dateline.source) } };
}
