import { describe, expect, it } from "vitest";
import { cleanArticleText, isCreditLine } from "../../../src/entities/clean-text.js";

describe("cleanArticleText", () => {
  it("drops the raw format's leading date line, with or without a byte-order mark", () => {
    expect(cleanArticleText(" date 2024-04-11\nBlinken spoke to Gallant.")).toEqual({ text: "\nBlinken spoke to Gallant.", dateline: null });
    expect(cleanArticleText("\uFEFFdate 2024-04-11  \nBody.").text).toBe("\nBody.");
  });

  it("keeps a date line that is not the first line", () => {
    expect(cleanArticleText("Body.\ndate 2024-04-11").text).toBe("Body.\ndate 2024-04-11");
  });

  it.each([
    ["BRUSSELS - The Commission said no.", "BRUSSELS", "The Commission said no."],
    ["ATHENS, March 28 - Greece said yes.", "ATHENS", "Greece said yes."],
    ["NEW YORK (Reuters) - Stocks fell.", "NEW YORK", "Stocks fell."],
    ["WASHINGTON — Officials met.", "WASHINGTON", "Officials met."],
    ["PORT-AU-PRINCE -- Rain fell.", "PORT-AU-PRINCE", "Rain fell."],
  ])("takes the wire dateline off %j", (input, dateline, text) => {
    expect(cleanArticleText(input)).toEqual({ text, dateline });
  });

  it("finds the dateline after the date line and keeps the whitespace before it", () => {
    expect(cleanArticleText(" date 1987-03-02\n  LONDON, March 2 - Talks began.")).toEqual({ text: "\n  Talks began.", dateline: "LONDON" });
  });

  it("takes no dateline from a sentence, a lone capital, or a later paragraph", () => {
    for (const input of ["The mayor - who spoke - left.", "A - B testing began.", "First paragraph.\n\nPARIS - Later one."]) {
      expect(cleanArticleText(input)).toEqual({ text: input, dateline: null });
    }
  });

  it("drops credit lines, whatever their case or brackets", () => {
    const input = [
      "Talks began.",
      "Reporting by Jane Doe; Editing by John Roe",
      "(Additional reporting by Ana Silva in Lisbon)",
      "WRITTEN BY Tom Achterberg",
      "They ended.",
    ].join("\n");
    expect(cleanArticleText(input).text).toBe("Talks began.\n\n\n\nThey ended.");
  });

  it("drops the Reuters sign-off on its own line and at the very end", () => {
    expect(cleanArticleText("Talks began.\nREUTER\nMore.").text).toBe("Talks began.\nMore.");
    expect(cleanArticleText("Talks ended.\n  Reuters .  \n").text).toBe("Talks ended.\n");
    expect(cleanArticleText("Talks ended.  REUTER").text).toBe("Talks ended.");
  });

  it("keeps Reuters when it is part of a sentence", () => {
    expect(cleanArticleText("Reuters reported the talks. Reuter said so.").text).toBe("Reuters reported the talks. Reuter said so.");
  });

  it("reads Windows and old Mac line ends as newlines", () => {
    expect(cleanArticleText(" date 2024-04-11\r\nA.\rB.").text).toBe("\nA.\nB.");
  });
});

describe("isCreditLine", () => {
  it.each(["Reporting by Jane Doe", "  (Additional reporting by Ana Silva)", "editing by John Roe", "Compiled by the desk", "Edited by X", "Writing by Y"])(
    "is true for %j",
    (line) => expect(isCreditLine(line)).toBe(true),
  );

  it.each(["Reporters by the harbour watched.", "The reporting by Jane Doe was praised.", "Written off by critics, she won.", ""])("is false for %j", (line) =>
    expect(isCreditLine(line)).toBe(false),
  );
});
