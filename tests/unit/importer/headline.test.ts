import { describe, expect, it } from "vitest";
import { deriveSummary, deriveTitle, TITLE_MAX } from "../../../src/importer/headline.js";

describe("deriveTitle", () => {
  it("takes the opening sentence without its full stop", () => {
    expect(deriveTitle("The harbour reopened on Monday. Boats returned.")).toBe("The harbour reopened on Monday");
  });

  it("does not stop at abbreviations or initials", () => {
    expect(deriveTitle("Mr. Smith met U.S. envoy George W. Bush. Then left.")).toBe("Mr. Smith met U.S. envoy George W. Bush");
  });

  it("cuts long sentences at a word boundary, never mid-word, within the limit", () => {
    const body =
      "US Secretary of State Antony Blinken told Israeli Defense Minister Yoav Gallant on Wednesday that the US will stand with Israel.";
    const title = deriveTitle(body);
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(body.startsWith(title)).toBe(true);
    expect(body.charAt(title.length)).toBe(" ");
    expect(title).toBe("US Secretary of State Antony Blinken told Israeli Defense Minister Yoav Gallant");
  });

  it("drops trailing punctuation and dangling small words", () => {
    // The cut at 90 characters lands on "…in a row, and the": the comma and both small words go.
    expect(deriveTitle("Water levels in the reservoirs that serve the capital fell for a fifth week in a row, and the city council said on Friday.")).toBe(
      "Water levels in the reservoirs that serve the capital fell for a fifth week in a row",
    );
    expect(deriveTitle("Water levels in the reservoirs that serve the capital fell for a fifth week in a row; in the end the council said so.")).toBe(
      "Water levels in the reservoirs that serve the capital fell for a fifth week in a row",
    );
    expect(deriveTitle("Markets closed higher on Friday …")).toBe("Markets closed higher on Friday");
    expect(deriveTitle("Is this the end of the line for the old ferry?! Nobody knows.")).toBe("Is this the end of the line for the old ferry");
  });

  it("drops sentence punctuation inside a closing quote", () => {
    expect(deriveTitle("Biden said the US will “stand with Israel.”")).toBe("Biden said the US will “stand with Israel”");
    expect(deriveTitle('Biden said the US will "stand with Israel."')).toBe('Biden said the US will "stand with Israel"');
    expect(deriveTitle("She asked the panel: ‘Who pays for it?’ Then she left.")).toBe("She asked the panel: ‘Who pays for it’");
  });

  it("keeps the dot of an abbreviation the title ends on", () => {
    expect(deriveTitle("The family moved back to the U.S.")).toBe("The family moved back to the U.S.");
    expect(deriveTitle("The plant will close, said the owner, Hallam Bros.")).toBe("The plant will close, said the owner, Hallam Bros.");
    expect(deriveTitle("The envoy said he was “proud to serve the U.S.”")).toBe("The envoy said he was “proud to serve the U.S.”");
    expect(deriveTitle("Talks were held in Washington, D.C., on Monday.")).toBe("Talks were held in Washington, D.C., on Monday");
    // A lower-case word is not an abbreviation, even one spelled like a state's ("Ill.").
    expect(deriveTitle("The striker fell ill.")).toBe("The striker fell ill");
  });

  it("drops a wire dateline", () => {
    expect(deriveTitle("BRUSSELS - The Commission said no. More.")).toBe("The Commission said no");
    expect(deriveTitle("ATHENS, March 28 - Greece said yes. More.")).toBe("Greece said yes");
  });

  it("does not leave a quotation open", () => {
    const long = "the country would stand with its allies against any threats whatever the cost to the economy.";
    // Enough text before the quotation: the title ends before it (and drops the dangling "would").
    expect(deriveTitle(`The governor of the central bank said that inflation would “fall back to the target by the end of next year, if wages allow.”`)).toBe(
      "The governor of the central bank said that inflation",
    );
    expect(deriveTitle(`The governor of the central bank said that inflation would "fall back to the target by the end of next year, if wages allow."`)).toBe(
      "The governor of the central bank said that inflation",
    );
    // Too little before it: the quotation is closed instead.
    expect(deriveTitle(`The minister said “${long}”`)).toBe("The minister said “the country would stand with its allies against any threats whatever”");
    expect(deriveTitle(`The minister said "${long}"`)).toBe('The minister said "the country would stand with its allies against any threats whatever"');
  });

  it("handles a sentence that is one long word", () => {
    expect(deriveTitle("x".repeat(200)).length).toBeLessThanOrEqual(TITLE_MAX);
  });
});

describe("deriveSummary", () => {
  it("takes one or two sentences", () => {
    expect(deriveSummary("One short. Two short. Three short.")).toBe("One short. Two short.");
  });

  it("stays within 300 characters", () => {
    const long = "word ".repeat(120) + "end.";
    const summary = deriveSummary(long);
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith("…")).toBe(true);
  });
});
