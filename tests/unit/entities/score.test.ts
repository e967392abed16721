import { describe, expect, it } from "vitest";
import { normalizeName, scoreArticle, scoreSet, type GoldArticle } from "../../../src/entities/score.js";

const gold: GoldArticle = {
  people: ["Franz Fischler", "Loyola de Palacio"],
  places: ["United States", "Brussels"],
  variants: { "United States": ["U.S.", "America"] },
  aliases: { "Franz Fischler": ["Fishler"] },
  ignore: { people: [], places: ["Aegean Sea"] },
};

describe("normalizeName", () => {
  it("folds case, accents, dots, hyphens, possessives, leading the and titles", () => {
    expect(normalizeName("U.S.", "places")).toBe("us");
    expect(normalizeName("Lee Ki-choo's", "people")).toBe("lee ki choo");
    expect(normalizeName("The Hague", "places")).toBe("hague");
    expect(normalizeName("President Íngrid Betancourt", "people")).toBe("ingrid betancourt");
  });
});

describe("scoreArticle", () => {
  it("counts hits, variants, uncounted partials, ignores and false positives", () => {
    const people = scoreArticle(gold, { people: ["Dr Franz Fischler", "Fischler", "Fishler", "Jacques Santer"], places: [] }, "people");
    expect(people).toMatchObject({ tp: 1, fp: 1, fn: 1, falsePositives: ["jacques santer"], misses: ["Loyola de Palacio"] });
    const places = scoreArticle(gold, { people: [], places: ["America", "Aegean", "States", "Paris"] }, "places");
    expect(places).toMatchObject({ tp: 1, fp: 1, fn: 1, falsePositives: ["paris"] });
  });

  it("counts a partial as a false positive when its entity was missed", () => {
    expect(scoreArticle(gold, { people: ["Palacio"], places: [] }, "people").fp).toBe(1);
  });
});

describe("scoreSet", () => {
  it("sums micro figures and averages macro figures", () => {
    const set = { a: gold, b: { people: [], places: [] } };
    const s = scoreSet(set, { a: { people: ["Franz Fischler", "Loyola de Palacio"], places: [] }, b: { people: [], places: [] } }, "people");
    expect(s.micro).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(s.macro.f1).toBe(1);
    const none = scoreSet(set, {}, "people");
    expect(none.micro.recall).toBe(0);
    expect(none.macro.f1).toBe(0.5);
  });
});
