import type { PubStatus } from "../../contract/story";
import type { NormalizedStory } from "../../domain/normalized-story";
import { cleanText } from "../text/plain-text";
import { datelineFromField, sourceAgency } from "../text/dateline";
import { normalizeUrgency } from "../text/urgency";
import { NO_DATELINE } from "./dateline-fields";
import { type JsonObject, field, isObject, objects, parseJsonBytes, rawText, strings, text } from "./json-fields";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser, requireContent } from "./parser-guard";
import { emptyStory, finishStory, parseVersion, unique } from "./story-builder";
import { isoDate } from "./wire-dates";

/** Largest number of entries accepted in one digitalwires delivery. */
const MAX_ENTRIES = 1000;
/** dpa ednote roles that are notes to the editor (contacts are not). */
const EDITOR_NOTE_ROLES = new Set(["dpaednoterole:editorialnote", "dpaednoterole:correction"]);
/** The desk's closing line of initials: kept last in the notes, as every format keeps sign-offs. */
const CLOSING_LINE_ROLE = "dpaednoterole:closingline";

/** `categories[]` names of one dnltype (`dnltype:dpasubject`, `dnltype:genre`, …). */
function categoryNames(entry: JsonObject, type: string): string[] {
  return objects(entry.categories)
    .filter((category) => category.type === type)
    .map((category) => cleanText(category.name))
    .filter((name): name is string => name !== null);
}

/** `<type>_names` shortcut array, else the same names from `categories[]`. */
function names(entry: JsonObject, shortcut: string, type: string): string[] {
  const direct = strings(entry[shortcut]);
  return direct.length > 0 ? direct : categoryNames(entry, type);
}

function pubStatusOf(entry: JsonObject): PubStatus {
  const value = (text(entry, "pubstatus") ?? categoryNames(entry, "dnltype:pubstatus")[0] ?? "usable").toLowerCase();
  if (value.endsWith("withheld")) return "withheld";
  if (value.endsWith("canceled") || value.endsWith("cancelled")) return "canceled";
  return "usable";
}

function signalsOf(entry: JsonObject): string[] {
  const fromCategories = objects(entry.categories)
    .filter((category) => category.type === "dnltype:signal")
    .map((category) => cleanText(category.qcode) ?? cleanText(category.name));
  return unique([...strings(field(entry, "signal", "signals")), ...fromCategories]);
}

function editorNoteOf(entry: JsonObject): string | null {
  const withRole = (roles: ReadonlySet<string>) =>
    objects(entry.ednotes)
      .filter((note) => roles.has(text(note, "role") ?? ""))
      .map((note) => (typeof note.ednote === "string" ? note.ednote.trim() : ""))
      .filter((note) => note.length > 0);
  const notes = [...withRole(EDITOR_NOTE_ROLES), ...withRole(new Set([CLOSING_LINE_ROLE]))];
  return notes.length > 0 ? notes.join("\n") : null;
}

/**
 * dpa's slug line, as its IPTC 7901 rendering prints it: subjects, then geo subjects, then keywords,
 * joined by `/` (`Partei/Deutschland/Grüne`). Null when there are none.
 */
function sluglineOf(entry: JsonObject): string | null {
  const parts = [
    ...names(entry, "dpasubject_names", "dnltype:dpasubject"),
    ...names(entry, "geosubject_names", "dnltype:geosubject"),
    ...names(entry, "keyword_names", "dnltype:keyword"),
  ];
  return text(entry, "slugline") ?? (parts.length > 0 ? parts.join("/") : null);
}

/** Maps one digitalwires entry to a story. */
function digitalwiresStory(entry: JsonObject): NormalizedStory {
  const guid = text(entry, "urn");
  if (!guid) throw new WireParseError("malformed", "a digitalwires entry has no urn", "digitalwires");
  const dateline = datelineFromField(rawText(entry, "dateline")) ?? { ...NO_DATELINE };
  const story = finishStory(
    {
      ...emptyStory("digitalwires", guid),
      version: parseVersion(text(entry, "version"), 1),
      versionCreated: isoDate(text(entry, "version_created", "updated")),
      firstCreated: isoDate(text(entry, "content_created", "firstcreated")),
      embargoUntil: isoDate(text(entry, "embargoed")),
      pubStatus: pubStatusOf(entry),
      headline: text(entry, "headline") ?? "",
      subheadline: text(entry, "subhead", "kicker"),
      slugline: sluglineOf(entry),
      byline: text(entry, "byline"),
      dateline,
      urgency: normalizeUrgency(text(entry, "urgency"), "iptc"),
      agency: text(entry, "creditline") ?? categoryNames(entry, "dnltype:provider")[0] ?? sourceAgency(dateline.source),
      language: text(entry, "language"),
      abstract: text(entry, "teaser"),
      editorNote: editorNoteOf(entry),
      signals: signalsOf(entry),
      categories: unique([...names(entry, "dpasubject_names", "dnltype:dpasubject"), ...names(entry, "genre_names", "dnltype:genre")]),
      keywords: unique(names(entry, "keyword_names", "dnltype:keyword")),
    },
    rawText(entry, "article_html") ?? "",
  );
  return story;
}

/** One entry, or the `entries` array of a digitalwires API / push response. */
function entriesOf(value: unknown): JsonObject[] {
  if (!isObject(value)) throw new WireParseError("malformed", "the digitalwires delivery is not a JSON object", "digitalwires");
  if (!Array.isArray(value.entries)) return [value];
  if (value.entries.length > MAX_ENTRIES) {
    throw new WireParseError("too_large", `digitalwires delivery holds ${value.entries.length} entries; the limit is ${MAX_ENTRIES}`, "digitalwires");
  }
  return value.entries.filter(isObject);
}

/**
 * Parses dpa digitalwires JSON (`format: digitalwires@0.9.x`): one entry or `{ entries: [...] }`.
 * The dateline field wins over the copy repeated at the start of `article_html`, which is removed once.
 */
export const parseDigitalwires: WireParser = guardParser("digitalwires", (bytes: Uint8Array): ParsedDelivery => {
  const stories = entriesOf(parseJsonBytes(bytes, "digitalwires")).map(digitalwiresStory);
  return requireContent({ format: "digitalwires", stories, recorded: [] }, "no entry");
});
