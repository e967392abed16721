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
    expect(deriveTitle("Prices rose sharply in the city of Lagos, and in the villages around it, traders said on Friday morning again.")).not.toMatch(/[,.;:]$|\b(and|the|of|in)$/);
  });

  it("drops a wire dateline", () => {
    expect(deriveTitle("BRUSSELS - The Commission said no. More.")).toBe("The Commission said no");
    expect(deriveTitle("ATHENS, March 28 - Greece said yes. More.")).toBe("Greece said yes");
  });

  it("does not leave a quotation open", () => {
    const title = deriveTitle("The minister said the country would “stand with its allies against any threats whatever the cost to the economy and to the people.”");
    expect((title.match(/“/g) ?? []).length).toBe((title.match(/”/g) ?? []).length);
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
