import { describe, expect, it } from "vitest";
import { parseByline } from "../../src/bylines.js";

const person = (name: string) => ({ name, kind: "person" });
const organization = (name: string) => ({ name, kind: "organization" });

describe("parseByline", () => {
  it("reads one person, without a leading 'By' and with whitespace collapsed", () => {
    expect(parseByline("Maeve Rutherford")).toEqual([person("Maeve Rutherford")]);
    expect(parseByline("  by   Maeve \n Rutherford ")).toEqual([person("Maeve Rutherford")]);
    expect(parseByline("BY Tom Achterberg")).toEqual([person("Tom Achterberg")]);
  });

  it("splits several authors on commas, 'and' and '&'", () => {
    expect(parseByline("By Maeve Rutherford and Tom Achterberg")).toEqual([person("Maeve Rutherford"), person("Tom Achterberg")]);
    expect(parseByline("Maeve Rutherford, Tom Achterberg & Daniel Okonjo")).toEqual([
      person("Maeve Rutherford"),
      person("Tom Achterberg"),
      person("Daniel Okonjo"),
    ]);
    expect(parseByline("Maeve Rutherford AND Daniel Okonjo")).toEqual([person("Maeve Rutherford"), person("Daniel Okonjo")]);
  });

  it("does not split inside a word that merely contains 'and'", () => {
    expect(parseByline("Alexander Sanderson and Rolanda Anders")).toEqual([person("Alexander Sanderson"), person("Rolanda Anders")]);
  });

  it("keeps lower-case name particles inside a person's name", () => {
    expect(parseByline("Ludwig van Beethoven")).toEqual([person("Ludwig van Beethoven")]);
    expect(parseByline("Ibn al-Haytham")).toEqual([person("Ibn al-Haytham")]);
    expect(parseByline("Maria de la Cruz")).toEqual([person("Maria de la Cruz")]);
  });

  it("keeps a desk, agency or publication whole, even when its name has 'and' in it", () => {
    expect(parseByline("Staff reporter")).toEqual([organization("Staff reporter")]);
    expect(parseByline("Reuters")).toEqual([organization("Reuters")]);
    expect(parseByline("By Press and Wire Service")).toEqual([organization("Press and Wire Service")]);
    expect(parseByline("Kestrel Bay Chronicle")).toEqual([organization("Kestrel Bay Chronicle")]);
    expect(parseByline("Maeve Rutherford, Courier staff")).toEqual([organization("Maeve Rutherford, Courier staff")]);
  });

  it("reads a lone word or an acronym as a masthead, not a person", () => {
    expect(parseByline("Bloomberg")).toEqual([organization("Bloomberg")]);
    expect(parseByline("Tom Achterberg and AFP")).toEqual([person("Tom Achterberg"), organization("AFP")]);
    expect(parseByline("Maeve Rutherford & BBC")).toEqual([person("Maeve Rutherford"), organization("BBC")]);
  });

  it("reads a name of more than five words, or with lower-case words, as an organization", () => {
    expect(parseByline("Anna Maria Luisa Sofia Elena Rossi")).toEqual([organization("Anna Maria Luisa Sofia Elena Rossi")]);
    expect(parseByline("maeve rutherford")).toEqual([organization("maeve rutherford")]);
  });

  it("gives no authors for an empty byline or empty parts", () => {
    expect(parseByline("")).toEqual([]);
    expect(parseByline("   ")).toEqual([]);
    expect(parseByline("Maeve Rutherford, , Tom Achterberg,")).toEqual([person("Maeve Rutherford"), person("Tom Achterberg")]);
  });
});
