import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { toFtsMatch } from "../storage/sqlite/fts-query";
import { MAX_SEARCH_TERMS, parseSearchQuery } from "./search-query";

function failure(input: string): string {
  try {
    parseSearchQuery(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_query");
    return (error as AppError).message;
  }
  throw new Error(`"${input}" parsed without an error`);
}

describe("the query language", () => {
  it("requires every word, lower-cases them and keeps quoted phrases together", () => {
    expect(parseSearchQuery('Ukraine "peace talks" Geneva')).toEqual({
      must: [[{ kind: "word", text: "ukraine" }], [{ kind: "phrase", text: "peace talks" }], [{ kind: "word", text: "geneva" }]],
      mustNot: [],
    });
  });

  it("joins the terms on each side of OR into one group", () => {
    expect(parseSearchQuery("strike OR walkout OR stoppage rail")).toEqual({
      must: [
        [
          { kind: "word", text: "strike" },
          { kind: "word", text: "walkout" },
          { kind: "word", text: "stoppage" },
        ],
        [{ kind: "word", text: "rail" }],
      ],
      mustNot: [],
    });
    // Lower-case "or" is an ordinary word.
    expect(parseSearchQuery("either or").must).toEqual([[{ kind: "word", text: "either" }], [{ kind: "word", text: "or" }]]);
  });

  it("excludes -word and -\"phrase\", and reads word* and \"phrase\"* as prefixes", () => {
    expect(parseSearchQuery('ukrain* -football -"world cup" "prime minis"*')).toEqual({
      must: [[{ kind: "prefix", text: "ukrain" }], [{ kind: "prefix", text: "prime minis" }]],
      mustNot: [
        { kind: "word", text: "football" },
        { kind: "phrase", text: "world cup" },
      ],
    });
  });

  it("splits words at punctuation the way the index does (covid-19 is a phrase, U.S. too)", () => {
    expect(parseSearchQuery("covid-19 U.S.").must).toEqual([[{ kind: "phrase", text: "covid 19" }], [{ kind: "phrase", text: "u s" }]]);
  });

  it("treats search-engine syntax typed by an editor as plain text, never as operators", () => {
    expect(parseSearchQuery("zebra NEAR(lion, 2) ^start col:value AND +plus {x} ''")
      .must.flat()
      .map((t) => t.text)).toEqual(["zebra", "near lion", "2", "start", "col value", "plus", "x"]);
  });

  it.each([
    ['"unfinished phrase', 'A quote is not closed: add the closing " or remove the opening one.'],
    ["-football -cricket", "Add a word to look for: a search cannot be only excluded words (-word)."],
    ["", "Type at least one word to search for."],
    ["   ^ : * - AND ", "Type at least one word to search for."],
    ["OR strike", "OR goes between two search terms, as in: strike OR walkout."],
    ["strike OR", "OR goes between two search terms, as in: strike OR walkout."],
    ["strike OR OR walkout", "OR goes between two search terms, as in: strike OR walkout."],
    ["strike OR -walkout", "An excluded term (-word) cannot be part of an OR; write it separately: strike OR walkout -football."],
    ["u*", "Put at least 3 letters before * (as in ukrain*)."],
    ["eu*", "Put at least 3 letters before * (as in ukrain*)."],
    ["\"foreign mi\"*", "Put at least 3 letters before * (as in ukrain*)."],
  ])("refuses %j with a friendly message", (input, message) => {
    expect(failure(input)).toBe(message);
  });

  it(`refuses more than ${MAX_SEARCH_TERMS} terms`, () => {
    const words = Array.from({ length: MAX_SEARCH_TERMS + 1 }, (_, i) => `word${i}`).join(" ");
    expect(failure(words)).toBe(`Too many search terms (${MAX_SEARCH_TERMS + 1}); use at most ${MAX_SEARCH_TERMS}.`);
    expect(() => parseSearchQuery(words.split(" ").slice(1).join(" "))).not.toThrow();
  });
});

describe("the SQLite translation", () => {
  it("quotes every term and builds the operators from the structure", () => {
    expect(toFtsMatch(parseSearchQuery('strike OR walkout "peace talks" ukrain* -football -"world cup"'))).toBe(
      '(("strike" OR "walkout") AND "peace talks" AND "ukrain"*) NOT ("football" OR "world cup")',
    );
  });

  it("doubles a quote character inside a term, so no term can end its string early", () => {
    expect(toFtsMatch({ must: [[{ kind: "word", text: 'a" OR "b' }]], mustNot: [] })).toBe('"a"" OR ""b"');
  });
});
