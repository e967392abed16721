import slugifyLibrary from "@sindresorhus/slugify";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, slugify } from "../../src/slugs.js";

describe("slugify", () => {
  it.each([
    ["Antony Blinken", "antony-blinken"],
    ["José Martí", "jose-marti"],
    ["Москва", "moskva"],
    ["Straße", "strasse"],
    ["Łódź", "lodz"],
    ["Dvořák", "dvorak"],
    ["Ærøskøbing", "aeroskobing"],
    ["O'Brien", "o-brien"],
    ["AT&T", "at-and-t"],
    ["  Gaza   Strip ", "gaza-strip"],
    ["1984", "1984"],
  ])("%j → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("gives accented and plain spellings the same slug", () => {
    expect(slugify("José Martí")).toBe(slugify("Jose Marti"));
    expect(slugify("JOSÉ MARTÍ")).toBe(slugify("jose marti"));
  });

  it("gives composed and decomposed Unicode the same slug", () => {
    expect(slugify("Jose\u0301")).toBe(slugify("Jos\u00e9"));
  });

  it("emits only lowercase ASCII letters, digits and single inner hyphens", () => {
    for (const name of ["Antony Blinken", "São Paulo", "Ça va -- bien!", "Kyiv / Kiev", "İstanbul"]) {
      expect(slugify(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("gives text with nothing to transliterate a stable, distinct, URL-safe fallback", () => {
    const names = ["北京", "東京", "!!!", "🎉", ""];
    const slugs = names.map(slugify);
    for (const slug of slugs) expect(slug).toMatch(/^n-[0-9a-f]{10}$/);
    expect(new Set(slugs).size).toBe(names.length);
    // Stable: the same text always gives the same slug (not a counter or a random id).
    expect(slugify("北京")).toBe(slugs[0]);
    expect(slugify(" 北京 ")).toBe(slugs[0]);
  });

  it("caps long slugs at a word boundary", () => {
    const long = "word ".repeat(40);
    const slug = slugify(long);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^word(-word)+-[0-9a-f]{8}$/);
    const oneWord = "x".repeat(200);
    expect(slugify(oneWord)).toMatch(new RegExp(`^x{${MAX_SLUG_LENGTH - 9}}-[0-9a-f]{8}$`));
  });

  it("keeps long names that start alike apart, and long spellings that slug alike together", () => {
    const stem = "The Very Long Official Name Of A Commission Of Inquiry Into Coastal Flooding In ";
    expect(slugify(stem + "Cornwall")).not.toBe(slugify(stem + "Devon"));
    expect(slugify(stem + "Cornwall").length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slugify(stem.replace("Official", "Officiál") + "Cornwall")).toBe(slugify(stem + "Cornwall"));
  });
});

describe("slugify, when transliteration loses part of the text", () => {
  it.each([
    ["王伟 Jr", "李娜 Jr"],
    ["北京 2024", "東京 2024"],
    ["😀 A", "🎉 A"],
    ["Kim 김민준", "Kim 이서연"],
    ["Coca-Cola™", "Coca-Cola"],
  ])("keeps %j and %j apart", (a, b) => {
    expect(slugify(a)).not.toBe(slugify(b));
  });

  it("keeps what it could transliterate and adds a stable hash of the text", () => {
    expect(slugify("王伟 Jr")).toMatch(/^jr-[0-9a-f]{8}$/);
    expect(slugify("北京 2024")).toMatch(/^2024-[0-9a-f]{8}$/);
    expect(slugify("😀 A")).toMatch(/^a-[0-9a-f]{8}$/);
    // Pinned: the URL of such a name must not move between releases.
    expect(slugify("王伟 Jr")).toBe("jr-8fcad510");
  });

  it("still joins spellings that differ only in case, spacing or accents of what it keeps", () => {
    expect(slugify("王伟 JR")).toBe(slugify("王伟 Jr"));
    expect(slugify(" 王伟   Jr ")).toBe(slugify("王伟 Jr"));
    expect(slugify("王伟 Jüri")).not.toBe(slugify("王伟 Jr"));
    expect(slugify("北京 Olympíad")).toBe(slugify("北京 Olympiad"));
  });

  it("leaves fully transliterated names alone", () => {
    for (const name of ["José Martí", "Москва", "Ελλάδα", "Ærøskøbing", "München", "Hawaiʻi"]) expect(slugify(name)).toBe(slugifyLibrary(name, { decamelize: false }));
  });
});

describe("slugify properties", () => {
  const lostChar = fc.oneof(fc.integer({ min: 0x4e00, max: 0x9fff }), fc.integer({ min: 0x1f300, max: 0x1f5ff }), fc.integer({ min: 0xac00, max: 0xd7a3 })).map((n) => String.fromCodePoint(n));
  const lostText = fc.array(lostChar, { minLength: 1, maxLength: 6 }).map((chars) => chars.join(""));
  const asciiWord = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);

  it("gives names that differ in what transliteration drops different slugs", () => {
    fc.assert(
      fc.property(lostText, lostText, asciiWord, (a, b, word) => {
        fc.pre(a !== b);
        expect(slugify(`${a} ${word}`)).not.toBe(slugify(`${b} ${word}`));
      }),
      { numRuns: 500 },
    );
  });

  it("gives a mixed name the same slug whatever the case and spacing of its transliterated part", () => {
    fc.assert(
      fc.property(lostText, asciiWord, (a, word) => {
        expect(slugify(`  ${a}   ${word.toUpperCase()} `)).toBe(slugify(`${a} ${word.toLowerCase()}`));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves plain ASCII text as the transliteration library slugs it", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 60 }), (text) => {
        const plain = slugifyLibrary(text.trim(), { decamelize: false });
        fc.pre(plain !== "");
        expect(slugify(text)).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });

  it("lets accents on vowels change nothing", () => {
    const ACUTE: Record<string, string> = { a: "á", e: "é", i: "í", o: "ó", u: "ú", A: "Á", E: "É", I: "Í", O: "Ó", U: "Ú" };
    fc.assert(
      fc.property(fc.array(asciiWord, { minLength: 1, maxLength: 4 }), (words) => {
        const text = words.join(" ");
        expect(slugify(text.replace(/[aeiouAEIOU]/g, (v) => ACUTE[v]!))).toBe(slugify(text));
      }),
      { numRuns: 300 },
    );
  });
});
