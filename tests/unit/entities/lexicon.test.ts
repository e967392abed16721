import { describe, expect, it } from "vitest";
import { CITIES, COUNTRIES, OTHER_REGIONS, US_STATES } from "../../../src/entities/gazetteer.js";
import { loadLexicon } from "../../../src/entities/lexicon.js";

const lexicon = loadLexicon();

describe("loadLexicon", () => {
  it("is built once per process", () => {
    expect(loadLexicon()).toBe(lexicon);
  });

  it("holds every word lower-case", () => {
    for (const [name, set] of Object.entries(lexicon)) {
      if (!(set instanceof Set)) continue;
      // compromise's lexicon also lists emoticons (":P"); only words are looked up.
      const upper = [...(set as Set<string>)].filter((key) => /^\p{L}/u.test(key) && key !== key.toLowerCase());
      expect(upper, name).toEqual([]);
    }
  });

  it("takes given names, family names and organisations from compromise", () => {
    expect(lexicon.firstNames.has("matthew")).toBe(true);
    expect(lexicon.lastNames.has("miller")).toBe(true);
    expect(lexicon.organisations.has("nato")).toBe(true);
  });

  it("adds the whole gazetteer to the places, and its countries, states and regions to the major places", () => {
    for (const name of [...COUNTRIES, ...US_STATES, ...OTHER_REGIONS]) {
      expect(lexicon.places.has(name.toLowerCase()), name).toBe(true);
      expect(lexicon.majorPlaces.has(name.toLowerCase()), name).toBe(true);
    }
    for (const name of CITIES) expect(lexicon.places.has(name.toLowerCase()), name).toBe(true);
    expect(lexicon.majorPlaces.has("lisbon")).toBe(false);
  });

  it("bounds multi-word place lookups by the longest place name", () => {
    const longest = Math.max(...[...lexicon.places].map((p) => p.split(" ").length));
    expect(lexicon.maxPlaceWords).toBe(longest);
    expect(lexicon.maxPlaceWords).toBeGreaterThanOrEqual("bosnia and herzegovina".split(" ").length);
  });

  it("keeps common words single, and free of names and places", () => {
    expect(lexicon.commonWords.has("said")).toBe(true);
    expect(lexicon.commonWords.has("harbour") || lexicon.commonWords.has("harbor")).toBe(true);
    expect([...lexicon.commonWords].filter((w) => w.includes(" "))).toEqual([]);
    for (const name of ["matthew", "miller", "france", "nato"]) expect(lexicon.commonWords.has(name), name).toBe(false);
  });
});
