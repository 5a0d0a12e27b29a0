import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBytes, sniffXmlDeclaredEncoding } from "./encoding";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeBytes", () => {
  it("honours a BOM: UTF-8, UTF-16 LE and BE", () => {
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9))).toBe("Aé");
    expect(decodeBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00))).toBe("Aé");
    expect(decodeBytes(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9))).toBe("Aé");
  });

  it("decodes valid UTF-8 as UTF-8 whatever is declared (AFP declares iso-8859-1)", () => {
    expect(decodeBytes(utf8("Grünen-Spitze «Table Media»"), "iso-8859-1")).toBe("Grünen-Spitze «Table Media»");
  });

  it("uses the declared charset for invalid UTF-8, else windows-1252", () => {
    expect(decodeBytes(bytes(0x4b, 0xf8, 0x62, 0x65), "iso-8859-1")).toBe("Købe");
    expect(decodeBytes(bytes(0x93, 0x41, 0x94))).toBe("“A”");
    expect(decodeBytes(bytes(0xc0, 0xe1), "koi8-r")).toBe("юА");
    expect(decodeBytes(bytes(0xe9, 0x80), "no-such-charset")).toBe("é€");
  });

  it("decodes UTF-16 declared without BOM", () => {
    expect(decodeBytes(bytes(0x41, 0x00, 0x42, 0x00), "UTF-16")).toBe("AB");
    expect(decodeBytes(bytes(0x00, 0x41, 0x00, 0x42), "utf-16be")).toBe("AB");
  });
});

describe("declared charsets", () => {
  it("reads the XML declaration", () => {
    expect(sniffXmlDeclaredEncoding(utf8('<?xml version="1.0" encoding="ISO-8859-1"?><nitf/>'))).toBe("ISO-8859-1");
    expect(sniffXmlDeclaredEncoding(utf8("\uFEFF<?xml version='1.0' encoding='utf-8'?>"))).toBe("utf-8");
    expect(sniffXmlDeclaredEncoding(utf8("<nitf/>"))).toBeNull();
  });

  it("reads a Content-Type charset", () => {
    expect(charsetFromContentType('text/xml; charset="windows-1252"')).toBe("windows-1252");
    expect(charsetFromContentType("application/json")).toBeNull();
  });
});
