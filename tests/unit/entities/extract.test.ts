import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractEntities } from "../../../src/entities/extract.js";
import { parseRawArticle } from "../../../src/importer/raw-article.js";
import { requireSharedSample, skipWithoutSharedSample } from "../../helpers/shared-sample.js";

describe("extractEntities rules", () => {
  it("drops titles and keeps the fullest form; folds surname-only mentions", () => {
    const found = extractEntities("Foreign Minister Anna Lindqvist met Mr. Joseph Okello. Lindqvist said Okello agreed.");
    expect(found.people).toEqual(["Anna Lindqvist", "Joseph Okello"]);
  });

  it("drops possessives", () => {
    expect(extractEntities("Iran's leader spoke. Kenya's president Daniel Mwangi's office said so.")).toEqual({
      people: ["Daniel Mwangi"],
      places: ["Iran", "Kenya"],
    });
  });

  it("maps place aliases to one name", () => {
    const found = extractEntities("The U.S. and the UK met. America and Britain agreed, the USA said.");
    expect(found.places).toEqual(["United States", "United Kingdom"]);
  });

  it("finds no organisations, demonyms, languages, holidays or platforms", () => {
    const found = extractEntities(
      "The State Department and the World Central Kitchen said Syrian and Japanese officials, speaking Hebrew and Persian during Ramadan, posted on X.",
    );
    expect(found).toEqual({ people: [], places: [] });
  });

  it("reads a name that is also a place as a person when used as one", () => {
    const found = extractEntities("Foreign Minister Israel Katz warned Iran. Katz said Israel would respond.");
    expect(found.people).toEqual(["Israel Katz"]);
    expect(found.places).toEqual(["Iran", "Israel"]);
  });

  it("takes the place of a wire dateline and ignores the REUTER sign-off", () => {
    const found = extractEntities("BUENOS AIRES, March 3 - Minister Juan Perez resigned.\n\nREUTER\n");
    expect(found).toEqual({ people: ["Juan Perez"], places: ["Buenos Aires"] });
  });

  it("handles Arabic, hyphenated, initialled and particle names", () => {
    const found = extractEntities(
      "Sameh al-Nouri met Anne-Marie Duval-Leclerc, J.R. Whitaker and Loyola de Palacio in Cairo. Al-Nouri left.",
    );
    expect(found.people).toEqual(["Sameh al-Nouri", "Anne-Marie Duval-Leclerc", "J.R. Whitaker", "Loyola de Palacio"]);
    expect(found.places).toEqual(["Cairo"]);
  });

  it("ignores names in credit lines", () => {
    expect(extractEntities("Talks resumed in Geneva.\n\nReporting by Tom Ellery; Editing by Priya Raman").people).toEqual([]);
  });

  it("returns nothing for text without names", () => {
    expect(extractEntities("prices rose again on monday, traders said.")).toEqual({ people: [], places: [] });
  });

  // Pathological inputs, under a CPU limit in a child process: tests/unit/fuzz/pathological.test.ts.
});

describe.skipIf(skipWithoutSharedSample)("the shared raw sample (../shared/samples)", () => {
  it("has exactly the seven people and the expected places", () => {
    const sample = requireSharedSample();
    const raw = parseRawArticle(readFileSync(sample), sample);
    const found = extractEntities(raw.storyText);
    expect(found.people).toEqual([
      "Antony Blinken",
      "Yoav Gallant",
      "Matthew Miller",
      "Joe Biden",
      "Fumio Kishida",
      "Israel Katz",
      "Ali Khamenei",
    ]);
    expect(found.places).toEqual(expect.arrayContaining(["United States", "Israel", "Iran", "Gaza", "Damascus", "Tehran"]));
    for (const wrong of ["Syrian", "Japanese", "State Department", "World Central Kitchen", "Islamic Revolutionary Guard Corps"]) {
      expect([...found.people, ...found.places]).not.toContain(wrong);
    }
  });
});
