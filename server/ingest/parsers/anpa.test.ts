import { describe, expect, it } from "vitest";
import { NormalizedStorySchema } from "../../domain/normalized-story";
import { parseAnpa } from "./anpa";
import { WireParseError } from "./parse-result";

/** Bytes of a string whose characters are all < 0x100 (ANPA is Latin-1/ASCII on the wire). */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const SYN = "\x16";
const SOH = "\x01";
const US = "\x1f";
const STX = "\x02";
const ETX = "\x03";
const EOT = "\x04";
const DC3 = "\x13";
const DC1 = "\x11";

/** A fictional AP-style story with every ANPA-1312 element (no real AP copy is used). */
function fixture(options: { priority?: string; version?: string; body?: string } = {}): Uint8Array {
  const { priority = "r", version = "1stLd-Writethru", body } = options;
  return latin1(
    `${SYN}${SYN}${SOH}a0123${US}asian\r\n` +
      `${priority} i ${DC3}${DC1} Harbor-Festival ${version} 0456 04-07 0312\r\n` +
      `${STX}^BC-Harbor-Festival,1st Ld-Writethru,0312<\r\n` +
      `^Lanterns light up harbor town's annual festival<\r\n` +
      `^Eds: UPDATES with attendance figures. No pickup.<\r\n` +
      `^AP Photo XYZ101<\r\n` +
      `^By JANE EXAMPLE=\r\n` +
      `^Associated Press Writer=\r\n` +
      (body ??
        `\t   PORT EXAMPLE, Maine (AP) _ Thousands of paper lanterns drifted over the harbor on Saturday as the town\r\n` +
          "celebrated its ``Night of Lights'' festival.\r\n" +
          `\t   Organizers said attendance passed 12,000 _ a record.\r\n`) +
      `${ETX}AP-WF-04-07-14 1832GMT<\r\n${EOT}`,
  );
}

function onlyStory(bytes: Uint8Array) {
  const delivery = parseAnpa(bytes);
  expect(delivery.stories).toHaveLength(1);
  return delivery.stories[0]!;
}

describe("parseAnpa — fictional fixture with real control bytes", () => {
  const story = onlyStory(fixture());

  it("maps header, ^ lines and trailer exactly", () => {
    expect(NormalizedStorySchema.safeParse(story).success).toBe(true);
    expect(story.guid).toBe("urn:anpa:ap:harbor-festival:2014-04-07");
    expect(story.version).toBe(2);
    expect(story.signals).toEqual(["sig:update"]);
    expect(story.headline).toBe("Lanterns light up harbor town's annual festival");
    expect(story.slugline).toBe("Harbor-Festival");
    expect(story.byline).toBe("By JANE EXAMPLE, Associated Press Writer");
    expect(story.editorNote).toBe("UPDATES with attendance figures. No pickup.");
    expect(story.dateline).toEqual({ text: "PORT EXAMPLE, Maine (AP)", place: "PORT EXAMPLE, Maine", date: null, source: "AP" });
    expect(story.urgency).toBe(5);
    expect(story.agency).toBe("AP");
    expect(story.language).toBeNull();
    expect(story.categories).toEqual(["international"]);
    expect(story.versionCreated).toBe("2014-04-07T18:32:00Z");
  });

  it("joins continuation lines and converts teletype typography", () => {
    expect(story.bodyText).toBe(
      "Thousands of paper lanterns drifted over the harbor on Saturday as the town celebrated its “Night of Lights” festival.\n\n" +
        "Organizers said attendance passed 12,000 — a record.",
    );
  });
});

describe("parseAnpa — priorities, versions and errors", () => {
  it("maps the priority letter and the version field", () => {
    expect(onlyStory(fixture({ priority: "f" })).urgency).toBe(1);
    expect(onlyStory(fixture({ priority: "b" })).urgency).toBe(2);
    expect(onlyStory(fixture({ priority: "u" })).urgency).toBe(3);
    expect(onlyStory(fixture({ version: "2ndLd-Writethru" })).version).toBe(3);
    const correction = onlyStory(fixture({ version: "Correction" }));
    expect(correction).toMatchObject({ version: 1, signals: ["sig:correction"] });
    const plain = onlyStory(fixture({ version: "" }));
    expect(plain).toMatchObject({ version: 1, signals: [] });
    expect(plain.guid).toBe("urn:anpa:ap:harbor-festival:2014-04-07");
  });

  it("keeps the same guid for a write-through of the same keyword and day", () => {
    expect(onlyStory(fixture({ version: "3rdLd-Writethru" })).guid).toBe(onlyStory(fixture()).guid);
  });

  it("fails with typed errors without STX or without text", () => {
    expect(() => parseAnpa(latin1(`${SYN}${SYN}${SOH}a0123${US}asian\r\nr a x\r\n`))).toThrow(WireParseError);
    expect(() => parseAnpa(latin1(`${SYN}${SYN}${SOH}a0123\r\n${STX}${ETX}${EOT}`))).toThrow(expect.objectContaining({ code: "no_story" }));
  });
});
