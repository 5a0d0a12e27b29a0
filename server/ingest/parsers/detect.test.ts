import { describe, expect, it } from "vitest";
import { detectFormat, sniffFormat, xmlRootName } from "./detect";
import { listSamples, readSample } from "./testing/samples";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("detectFormat on the shared samples", () => {
  const expectations: [folder: string, format: string][] = [
    ["newsml-g2/dpa", "newsml-g2"],
    ["newsml-g2/tt", "newsml-g2"],
    ["nitf", "nitf"],
    ["newsml-1.2", "newsml-1.2"],
    ["rss/feedparser-conformance/rss", "rss"],
    ["rss/feedparser-conformance/atom10", "atom"],
    ["dpa-digitalwires", "digitalwires"],
    ["ninjs/1.4", "ninjs"],
    ["ninjs/2.1", "ninjs"],
    ["ninjs/3.0", "ninjs"],
    ["anpa/iptc7901", "iptc7901"],
    ["plain", "plain"],
  ];
  for (const [folder, format] of expectations) {
    it(`${folder} → ${format}`, () => {
      const files = listSamples(folder);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect({ file, format: detectFormat(readSample(file)) }).toEqual({ file, format });
    });
  }

  it("the IPTC full listings are newsml-g2; the two fragments are not a wire format", () => {
    for (const file of listSamples("newsml-g2/iptc")) {
      const fragment = /LISTING_2[58]_/.test(file);
      expect({ file, format: detectFormat(readSample(file)) }).toEqual({ file, format: fragment ? null : "newsml-g2" });
    }
    expect(sniffFormat(readSample("newsml-g2/iptc/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml")).reason).toBe(
      "XML root <contentSet> is not a known wire format",
    );
  });
});

describe("detectFormat rules", () => {
  it("recognises teletype control bytes", () => {
    expect(detectFormat(new Uint8Array([0x16, 0x16, 0x01, 0x61, 0x30]))).toBe("anpa");
    expect(detectFormat(new Uint8Array([0x0d, 0x0a, 0x01, 0x62, 0x64, 0x74]))).toBe("iptc7901");
  });

  it("routes JSON by its keys", () => {
    expect(detectFormat(bytes(`{"urn":"urn:x","article_html":"<p/>"}`))).toBe("digitalwires");
    expect(detectFormat(bytes(`{"urn":"urn:x","format":"digitalwires@0.9.1"}`))).toBe("digitalwires");
    expect(detectFormat(bytes(`{"uri":"x"}`))).toBe("ninjs");
    expect(detectFormat(bytes(`{"headlines":[]}`))).toBe("ninjs");
    expect(detectFormat(bytes(`{"foo":1}`))).toBeNull();
    expect(detectFormat(bytes(`[1,2]`))).toBeNull();
    expect(detectFormat(bytes(`{"uri": "x", "headline": "trunc`))).toBe("ninjs");
  });

  it("skips BOM, declaration, comments, PIs and DOCTYPE to find the XML root", () => {
    const prolog = `\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.6//EN" "nitf.dtd" [ <!ELEMENT x ANY> ]>\n`;
    expect(detectFormat(bytes(`${prolog}<nitf/>`))).toBe("nitf");
    expect(detectFormat(bytes(`<g2:newsMessage xmlns:g2="x"/>`))).toBe("newsml-g2");
    expect(detectFormat(bytes(`<packageItem/>`))).toBe("newsml-g2");
    expect(detectFormat(bytes(`<NewsML/>`))).toBe("newsml-1.2");
    expect(detectFormat(bytes(`<rdf:RDF xmlns:rdf="x"/>`))).toBe("rss");
    expect(detectFormat(bytes(`<feed xmlns="http://www.w3.org/2005/Atom"/>`))).toBe("atom");
    expect(xmlRootName(`<!-- unterminated`)).toBeNull();
  });

  it("treats other text (and HTML pages) as plain, and empty or binary input as unknown", () => {
    expect(detectFormat(bytes("Berlin (dpa) - Text."))).toBe("plain");
    expect(detectFormat(new Uint8Array(Buffer.from("Grüße aus Köln", "latin1")))).toBe("plain");
    expect(detectFormat(bytes("<!DOCTYPE html><html><body>x</body></html>"))).toBe("plain");
    expect(detectFormat(new Uint8Array())).toBeNull();
    expect(detectFormat(bytes(" \r\n\t "))).toBeNull();
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBeNull();
    expect(sniffFormat(new Uint8Array([0x00, 0x01, 0x02])).reason).toMatch(/binary/);
  });
});
