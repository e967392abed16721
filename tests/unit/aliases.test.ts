import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AliasesFileError, emptyAliases, hasAliases, loadAliases, parseAliases, resolveName, resolveNames } from "../../src/aliases.js";

const TEXT = `people:
  aliases: { "Tony Blinken": "Antony Blinken" }
  ignore: ["Reuters"]
places:
  aliases:
    Peking: Beijing
  ignore: []
tags: { aliases: {}, ignore: [] }
`;

function errorOf(text: string): AliasesFileError {
  try {
    parseAliases(text, "content/aliases.yaml");
  } catch (error) {
    if (error instanceof AliasesFileError) return error;
    throw error;
  }
  throw new Error("expected an AliasesFileError");
}

describe("aliases", () => {
  it("knows whether they rename or drop anything", () => {
    expect(hasAliases(emptyAliases())).toBe(false);
    expect(hasAliases(parseAliases("", "aliases.yaml"))).toBe(false);
    expect(hasAliases(parseAliases("tags: { aliases: {}, ignore: [] }\n", "aliases.yaml"))).toBe(false);
    expect(hasAliases(parseAliases("tags:\n  ignore: [misc]\n", "aliases.yaml"))).toBe(true);
    expect(hasAliases(parseAliases(TEXT, "aliases.yaml"))).toBe(true);
  });


  const aliases = parseAliases(TEXT, "content/aliases.yaml");

  it("maps variants to canonical names, case- and accent-insensitively", () => {
    expect(resolveName(aliases, "people", "Tony Blinken")).toBe("Antony Blinken");
    expect(resolveName(aliases, "people", "tony  BLINKEN")).toBe("Antony Blinken");
    expect(resolveName(aliases, "places", "Péking")).toBe("Beijing");
  });

  it("leaves other names unchanged and drops ignored ones", () => {
    expect(resolveName(aliases, "people", "Yoav Gallant")).toBe("Yoav Gallant");
    expect(resolveName(aliases, "people", "reuters")).toBeNull();
    expect(resolveName(aliases, "tags", "wire")).toBe("wire");
  });

  it("resolves lists without duplicates", () => {
    expect(resolveNames(aliases, "people", ["Tony Blinken", "Antony Blinken", "Reuters", "Joe Biden"])).toEqual([
      "Antony Blinken",
      "Joe Biden",
    ]);
  });

  it("treats a missing file as empty", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-aliases-"));
    const empty = await loadAliases(dir);
    expect(resolveName(empty, "places", "Peking")).toBe("Peking");
    await writeFile(path.join(dir, "aliases.yaml"), TEXT);
    expect(resolveName(await loadAliases(dir), "places", "Peking")).toBe("Beijing");
  });

  it("reports invalid YAML with file and line", () => {
    const e = errorOf("people:\n  aliases: { a: b\n");
    expect(e.message).toMatch(/^content\/aliases\.yaml:\d+:1  error  the file must be valid YAML; got/);
  });

  it("reports a wrong shape with the field, what was found and what was expected", () => {
    const e = errorOf("people:\n  aliases:\n    - Tony Blinken\n");
    expect(e.field).toBe("people.aliases");
    expect(e.line).toBe(3);
    expect(e.message).toBe(
      "content/aliases.yaml:3:1  error  `people.aliases` must map each variant to its canonical name; got a list  aliases:shape",
    );
    expect(errorOf("persons: {}\n").message).toContain("top-level keys must be people, places or tags");
    expect(errorOf("places:\n  ignore: Reuters\n").field).toBe("places.ignore");
    expect(errorOf('people:\n  aliases: { "Tony": 3 }\n').field).toBe("people.aliases.Tony");
  });
});
