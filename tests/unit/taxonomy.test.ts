import { describe, expect, it } from "vitest";
import { buildTaxonomy } from "../../src/taxonomy.js";

interface Doc {
  id: string;
  people: string[];
}
const doc = (id: string, ...people: string[]): Doc => ({ id, people });
const ids = (list: readonly Doc[]) => list.map((d) => d.id);

describe("buildTaxonomy", () => {
  it("makes one term per slug, with its articles in the given (newest-first) order", () => {
    const taxonomy = buildTaxonomy("people", [doc("3", "Antony Blinken", "Yoav Gallant"), doc("2", "Yoav Gallant"), doc("1", "Antony Blinken")], (d) => d.people);
    expect(taxonomy.terms.map((t) => [t.slug, t.label, ids(t.articles)])).toEqual([
      ["antony-blinken", "Antony Blinken", ["3", "1"]],
      ["yoav-gallant", "Yoav Gallant", ["3", "2"]],
    ]);
    expect(taxonomy.bySlug.get("yoav-gallant")).toBe(taxonomy.terms[1]);
    expect(taxonomy.kind).toBe("people");
  });

  it("merges spellings with the same slug and labels the term with the most used one", () => {
    const taxonomy = buildTaxonomy("people", [doc("4", "Jose Marti"), doc("3", "José Martí"), doc("2", "José Martí"), doc("1", "JOSE MARTI")], (d) => d.people);
    expect(taxonomy.terms).toHaveLength(1);
    expect(taxonomy.terms[0]).toMatchObject({ slug: "jose-marti", label: "José Martí", spellings: ["José Martí", "JOSE MARTI", "Jose Marti"] });
    expect(ids(taxonomy.terms[0]!.articles)).toEqual(["4", "3", "2", "1"]);
  });

  it("breaks a tie between spellings the same way whatever the article order", () => {
    const a = buildTaxonomy("people", [doc("2", "Jose Marti"), doc("1", "José Martí")], (d) => d.people);
    const b = buildTaxonomy("people", [doc("2", "José Martí"), doc("1", "Jose Marti")], (d) => d.people);
    expect(a.terms[0]!.label).toBe("José Martí");
    expect(b.terms[0]!.label).toBe("José Martí");
  });

  it("lists an article once under a term even when it names it in two spellings", () => {
    const taxonomy = buildTaxonomy("people", [doc("1", "José Martí", "Jose Marti")], (d) => d.people);
    expect(ids(taxonomy.terms[0]!.articles)).toEqual(["1"]);
  });

  it("sorts terms A–Z ignoring case and accents, numbers numerically", () => {
    const taxonomy = buildTaxonomy("tags", [doc("1", "zeta", "Élysée", "apple", "G20", "G7", "Beta")], (d) => d.people);
    expect(taxonomy.terms.map((t) => t.label)).toEqual(["apple", "Beta", "Élysée", "G7", "G20", "zeta"]);
  });

  it("is built in one pass: each article's names are read once, never per term × article", () => {
    const articles = Array.from({ length: 200 }, (_, i) => doc(String(i), `Person ${i % 50}`, `Person ${(i + 1) % 50}`));
    let reads = 0;
    const taxonomy = buildTaxonomy("people", articles, (d) => {
      reads++;
      return d.people;
    });
    expect(taxonomy.terms).toHaveLength(50);
    expect(reads).toBe(articles.length);
  });

  it("is empty for articles without names", () => {
    const taxonomy = buildTaxonomy("places", [doc("1")], (d) => d.people);
    expect(taxonomy.terms).toEqual([]);
    expect(taxonomy.bySlug.size).toBe(0);
  });
});
