import { describe, expect, it } from "vitest";
import { editEntry } from "./edit-rules";

describe("what Edit does in each state", () => {
  it("takes, joins, joins a story handed on as it is, or prepares a correction", () => {
    expect(editEntry("incoming")).toEqual({ kind: "take" });
    expect(editEntry("in_progress")).toEqual({ kind: "join" });
    expect(editEntry("approved")).toMatchObject({ kind: "handed_on", from: "approved", message: "This story is approved: a change made here returns it to in progress." });
    expect(editEntry("corrected")).toMatchObject({ kind: "correction" });
  });

  it("refuses with what the editor can do instead, for each state it refuses", () => {
    expect(editEntry("spiked")).toEqual({ kind: "refuse", message: "A spiked story cannot be edited; unspike it first." });
    expect(editEntry("killed")).toEqual({ kind: "refuse", message: "A killed story cannot be edited: the kill is final." });
    expect(editEntry("scheduled")).toEqual({ kind: "refuse", message: "A scheduled story cannot be edited: it is waiting to be published as it is." });
  });
});
