import { describe, expect, it } from "vitest";
import { findRuns, type Run } from "../../../src/entities/runs.js";
import { tokenizeText } from "../../../src/entities/tokenize.js";

const runs = (text: string): Run[] => findRuns(tokenizeText(text));
/** Each run's words as one string. */
const names = (text: string) => runs(text).map((run) => run.words.join(" "));

describe("findRuns", () => {
  it("gives runs of capitalised words, split at lower-case words that are not particles", () => {
    expect(names("US Secretary of State Antony Blinken told Defense Minister Yoav Gallant")).toEqual([
      "US Secretary",
      "State Antony Blinken",
      "Defense Minister Yoav Gallant",
    ]);
  });

  it("gives each run's token span and whether it opens a sentence", () => {
    const tokens = tokenizeText("Yesterday Anna Lindqvist met Joseph Okello.");
    expect(findRuns(tokens)).toEqual([
      { words: ["Yesterday", "Anna", "Lindqvist"], start: 0, end: 3, opensSentence: true, possessive: false },
      { words: ["Joseph", "Okello"], start: 4, end: 6, opensSentence: false, possessive: false },
    ]);
    expect(tokens.slice(4, 6).map((t) => t.text)).toEqual(["Joseph", "Okello"]);
  });

  it("stops at punctuation", () => {
    expect(names("Blinken, Gallant and Katz spoke; Miller listened. Biden")).toEqual(["Blinken", "Gallant", "Katz", "Miller", "Biden"]);
  });

  it("keeps up to two lower-case particles between name words, but not at a run's end", () => {
    expect(names("Loyola de Palacio met Nikolaus van der Pas and Ludwig van")).toEqual(["Loyola de Palacio", "Nikolaus van der Pas", "Ludwig"]);
    // Three particles in a row are too many.
    expect(names("Anna de la van Berg")).toEqual(["Anna", "Berg"]);
    // A particle cannot start a run.
    expect(names("de Gaulle")).toEqual(["Gaulle"]);
  });

  it("reads a lower-case particle glued to a capitalised name as a name word", () => {
    expect(names("Abdel Basset al-Megrahi and bin-Laden")).toEqual(["Abdel Basset al-Megrahi", "bin-Laden"]);
    expect(names("a well-known man")).toEqual([]);
  });

  it("ends a run at a possessive, without the 's", () => {
    expect(runs("Kestrel Bay's budget")).toEqual([{ words: ["Kestrel", "Bay"], start: 0, end: 2, opensSentence: true, possessive: true }]);
    expect(runs("Iran’s leader Ali Khamenei").map((r) => [r.words.join(" "), r.possessive])).toEqual([
      ["Iran", true],
      ["Ali Khamenei", false],
    ]);
  });

  it("keeps initials inside a name", () => {
    expect(names("George W. Bush and J. R. R. Tolkien")).toEqual(["George W. Bush", "J. R. R. Tolkien"]);
  });

  it("drops acronyms that are not places, but keeps place acronyms", () => {
    expect(names("NATO chief Mark Rutte met IRGC officers")).toEqual(["Mark Rutte"]);
    expect(names("the US and NATO")).toEqual(["US"]);
    expect(names("Officials of the IRGC Quds Force")).toEqual(["Officials", "Quds Force"]);
  });

  it("keeps a name suffix at the end of a run", () => {
    expect(names("Pope John Paul II visited. Martin Luther King jr spoke")).toEqual(["Pope John Paul II", "Martin Luther King jr"]);
  });

  it("does not read party tags such as D-Mass as names", () => {
    expect(names("Senator Ed Markey, D-Mass, said")).toEqual(["Senator Ed Markey"]);
  });

  it("skips a quoted nickname between two name words", () => {
    expect(names('Rafael "Rafa" Echeverría won')).toEqual(["Rafael Echeverría"]);
    // A quoted word that is not followed by a name is not a nickname.
    expect(names('Rafael "Rafa" won')).toEqual(["Rafael", "Rafa"]);
  });

  it("turns a capitalised stem glued to a lower-case word into a place-only run", () => {
    expect(runs("a Pretoria-based firm")).toEqual([{ words: ["Pretoria"], start: 1, end: 2, opensSentence: false, possessive: false, placeOnly: true }]);
    expect(runs("the Kuala Lumpur-based bank").map((r) => [r.words.join(" "), r.placeOnly])).toEqual([["Kuala Lumpur", true]]);
    expect(names("an Ethiopian-born runner and a US-led coalition")).toEqual(["Ethiopian", "US"]);
  });

  it("keeps short hyphenated syllables of a name", () => {
    expect(runs("Lee Ki-choo and Kim Jae-won").map((r) => [r.words.join(" "), r.placeOnly])).toEqual([
      ["Lee Ki-choo", undefined],
      ["Kim Jae-won", undefined],
    ]);
  });

  it("finds nothing in lower-case text or an empty token list", () => {
    expect(findRuns([])).toEqual([]);
    expect(names("nothing here is a name, not even this.")).toEqual([]);
  });
});
