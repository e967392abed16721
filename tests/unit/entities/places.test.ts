import { describe, expect, it } from "vitest";
import { PLACE_ALIASES } from "../../../src/entities/gazetteer.js";
import { canonicalPlaceName, isKnownPlace, isMajorPlace, placeKey } from "../../../src/entities/places.js";

const words = (name: string) => name.split(" ");

describe("placeKey", () => {
  it("joins the words lower-case, keeping their dots", () => {
    expect(placeKey(["St.", "Louis"])).toBe("st. louis");
    expect(placeKey(["KUALA", "Lumpur"])).toBe("kuala lumpur");
  });
});

describe("isKnownPlace", () => {
  it.each(["Lisbon", "Rio de Janeiro", "St. Louis", "France", "Nairobi", "West Bank"])("knows %s", (name) => {
    expect(isKnownPlace(words(name))).toBe(true);
  });

  it("knows every alias, ignoring case, a leading 'the' and curly apostrophes", () => {
    for (const alias of Object.keys(PLACE_ALIASES)) expect(isKnownPlace(words(alias)), alias).toBe(true);
    expect(isKnownPlace(["THE", "NETHERLANDS"])).toBe(true);
    expect(isKnownPlace(["Hague"])).toBe(true);
    expect(isKnownPlace(["u.s."])).toBe(true);
  });

  it("does not know invented places, people, or nothing at all", () => {
    expect(isKnownPlace(["Kestrel", "Bay"])).toBe(false);
    expect(isKnownPlace(["Antony", "Blinken"])).toBe(false);
    expect(isKnownPlace([])).toBe(false);
  });
});

describe("isMajorPlace", () => {
  it("is true for countries, states, regions and their aliases", () => {
    for (const name of ["France", "Kenya", "California", "Gaza", "United States", "U.S.", "Britain"]) expect(isMajorPlace(words(name)), name).toBe(true);
  });

  it("is false for cities and for unknown names", () => {
    for (const name of ["Lisbon", "Lyon", "Nairobi", "Kestrel Bay", "Smith"]) expect(isMajorPlace(words(name)), name).toBe(false);
  });
});

describe("canonicalPlaceName", () => {
  it("maps aliases to their one name, whatever the case or a leading 'the'", () => {
    expect(canonicalPlaceName("U.S.")).toBe("United States");
    expect(canonicalPlaceName("usa")).toBe("United States");
    expect(canonicalPlaceName("the United States")).toBe("United States");
    expect(canonicalPlaceName("The Netherlands")).toBe("Netherlands");
    expect(canonicalPlaceName("Türkiye")).toBe("Turkey");
    expect(canonicalPlaceName("Hague")).toBe("The Hague");
  });

  it("gives every alias target back unchanged", () => {
    for (const target of new Set(Object.values(PLACE_ALIASES))) expect(canonicalPlaceName(target)).toBe(target);
  });

  it("title-cases names written in capitals, keeping small words lower-case after the first", () => {
    expect(canonicalPlaceName("BUENOS AIRES")).toBe("Buenos Aires");
    expect(canonicalPlaceName("RIO DE JANEIRO")).toBe("Rio de Janeiro");
    expect(canonicalPlaceName("PORT-AU-PRINCE")).toBe("Port-au-Prince");
    expect(canonicalPlaceName("STRATFORD-UPON-AVON")).toBe("Stratford-upon-Avon");
    expect(canonicalPlaceName("ISLE OF MAN")).toBe("Isle of Man");
    expect(canonicalPlaceName("THE HAGUE")).toBe("The Hague");
  });

  it("leaves short all-capital names, mixed-case names and unknown names as written (trimmed)", () => {
    expect(canonicalPlaceName("NYC")).toBe("NYC");
    expect(canonicalPlaceName("  Lisbon ")).toBe("Lisbon");
    expect(canonicalPlaceName("Kestrel Bay")).toBe("Kestrel Bay");
    expect(canonicalPlaceName("McAllen")).toBe("McAllen");
  });

  it("straightens curly apostrophes", () => {
    expect(canonicalPlaceName("Côte d’Ivoire")).toBe("Côte d'Ivoire");
  });
});
