import { describe, expect, it } from "vitest";
import { tokenizeText, type Token } from "../../../src/entities/tokenize.js";

const texts = (text: string) => tokenizeText(text).map((t) => t.text);
/** Words that open a sentence. */
const openers = (text: string) => tokenizeText(text).filter((t) => t.opensSentence).map((t) => t.text);
const token = (text: string, input: string): Token => {
  const found = tokenizeText(input).find((t) => t.text === text);
  if (!found) throw new Error(`no token ${text} in ${input}`);
  return found;
};

describe("tokenizeText", () => {
  it("splits words from punctuation and flags each token", () => {
    expect(tokenizeText("Blinken met Gallant, twice.")).toEqual([
      { text: "Blinken", isWord: true, capitalised: true, opensSentence: true, allCaps: false },
      { text: "met", isWord: true, capitalised: false, opensSentence: false, allCaps: false },
      { text: "Gallant", isWord: true, capitalised: true, opensSentence: false, allCaps: false },
      { text: ",", isWord: false, capitalised: false, opensSentence: false, allCaps: false },
      { text: "twice", isWord: true, capitalised: false, opensSentence: false, allCaps: false },
      { text: ".", isWord: false, capitalised: false, opensSentence: false, allCaps: false },
    ]);
  });

  it("gives no tokens for blank text", () => {
    expect(tokenizeText("")).toEqual([]);
    expect(tokenizeText(" \n\t ")).toEqual([]);
  });

  it("keeps hyphenated names, apostrophes and accents inside one word, and straightens curly apostrophes", () => {
    expect(texts("Jean-Paul O’Brien met al-Hakim in Calderón’s office")).toEqual(["Jean-Paul", "O'Brien", "met", "al-Hakim", "in", "Calderón's", "office"]);
    // A combining accent (e + U+0301) stays part of its word.
    expect(texts("Calde\u0301ron spoke")).toEqual(["Calde\u0301ron", "spoke"]);
  });

  it("keeps the dots of initials and known abbreviations, and splits a sentence's full stop off other words", () => {
    expect(texts("Mr. Smith and George W. Bush left the U.S. today. Then Gen. Lee spoke.")).toEqual([
      "Mr.", "Smith", "and", "George", "W.", "Bush", "left", "the", "U.S.", "today", ".", "Then", "Gen.", "Lee", "spoke", ".",
    ]);
  });

  it("reads any capital letter with a dot as an initial, so it does not end a sentence", () => {
    expect(texts("Plan A. Then B")).toEqual(["Plan", "A.", "Then", "B"]);
    expect(openers("Plan A. Then B")).toEqual(["Plan"]);
  });

  it("opens a sentence after . ! ? : ; and at the start of a line", () => {
    expect(openers("One. Two! Three? Four: Five; Six\nSeven\n Eight\n\tNine ten")).toEqual(["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]);
  });

  it("does not open a sentence after an abbreviation or after dotted initials", () => {
    expect(openers("Ask Dr. Jones. In the U.S. Officials met.")).toEqual(["Ask", "In"]);
  });

  it("opens a sentence at an opening quotation mark or bracket, but not at a closing quote", () => {
    expect(openers('He said "Hello there" and (Quietly) “Yes” then 5" Rain')).toEqual(["He", "Hello", "Quietly", "Yes"]);
    expect(openers("She wrote «Bonjour» and [Note] here")).toEqual(["She", "Bonjour", "Note"]);
  });

  it("marks all-capital words of two or more letters, counting only letters", () => {
    expect(token("NATO", "NATO met").allCaps).toBe(true);
    expect(token("US", "the US said").allCaps).toBe(true);
    expect(token("U.S.", "the U.S. said").allCaps).toBe(true);
    expect(token("G7", "the G7 said").allCaps).toBe(false);
    expect(token("A", "Plan A").allCaps).toBe(false);
    expect(token("McDonald", "Ms McDonald").allCaps).toBe(false);
  });

  it("reads numbers as words that are not capitalised", () => {
    expect(token("2024", "In 2024 it rained")).toMatchObject({ isWord: true, capitalised: false, allCaps: false });
  });
});
