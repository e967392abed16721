import { describe, expect, it } from "vitest";
import { splitSentences } from "../../../src/importer/sentences.js";

describe("splitSentences", () => {
  it("splits on full stops, question and exclamation marks followed by a capital or a digit", () => {
    expect(splitSentences("The harbour reopened. Boats returned! Was it safe? 2024 was calm.")).toEqual([
      "The harbour reopened.",
      "Boats returned!",
      "Was it safe?",
      "2024 was calm.",
    ]);
  });

  it("keeps runs of marks and closing quotes or brackets with the sentence they end", () => {
    expect(splitSentences('She asked "Really?!" Nobody answered... Then (it rained.) Later “it cleared.” Done.')).toEqual([
      'She asked "Really?!"',
      "Nobody answered...",
      "Then (it rained.)",
      "Later “it cleared.”",
      "Done.",
    ]);
  });

  it("starts a sentence at an opening quote or bracket", () => {
    expect(splitSentences('He left. "We won," she said. (Nobody argued.) ‘Fine.’')).toEqual([
      "He left.",
      '"We won," she said.',
      "(Nobody argued.)",
      "‘Fine.’",
    ]);
  });

  it("does not split after abbreviations, titles and months", () => {
    expect(splitSentences("Mr. Smith met Dr. Jones and Gen. Lee on Jan. 5 at St. Mary's. They talked.")).toEqual([
      "Mr. Smith met Dr. Jones and Gen. Lee on Jan. 5 at St. Mary's.",
      "They talked.",
    ]);
    expect(splitSentences("Acme Inc. Holdings fell. MR. Brown, in capitals, too.")).toEqual(["Acme Inc. Holdings fell.", "MR. Brown, in capitals, too."]);
  });

  it("does not split after an initial or dotted initials", () => {
    expect(splitSentences("George W. Bush spoke. U.S. officials listened. O.J. Simpson did not.")).toEqual([
      "George W. Bush spoke.",
      "U.S. officials listened.",
      "O.J. Simpson did not.",
    ]);
  });

  it("reads 'No.' as an abbreviation only before a number", () => {
    expect(splitSentences("Take platform No. 5 today. He said no. More talks follow.")).toEqual([
      "Take platform No. 5 today.",
      "He said no.",
      "More talks follow.",
    ]);
  });

  it("does not split before a lower-case word or inside a number", () => {
    expect(splitSentences("Prices rose 3.5 percent, i.e. more. the end")).toEqual(["Prices rose 3.5 percent, i.e. more. the end"]);
  });

  it("treats any whitespace between sentences as a boundary and trims each sentence", () => {
    expect(splitSentences("  First line.\n\tSecond line.   ")).toEqual(["First line.", "Second line."]);
  });

  it("keeps text without an end mark as one sentence, and gives nothing for blank text", () => {
    expect(splitSentences("No full stop at the end")).toEqual(["No full stop at the end"]);
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   \n ")).toEqual([]);
  });

  it("loses no characters but the whitespace between sentences", () => {
    const text = "Zürich’s mayor, Élodie Brun, spoke. “Nous verrons,” she said! Ça va?";
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(3);
    expect(sentences.join(" ")).toBe(text);
  });
});
