import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractEntities } from "../../../src/entities/extract.js";
import { scoreSet, type GoldArticle, type Prediction } from "../../../src/entities/score.js";
import { parseRawArticle } from "../../../src/importer/raw-article.js";

/**
 * Holds the quality reached on Dateline's own gold set (tests/fixtures/entities) so that it cannot
 * silently fall. Reached when this floor was set (40 articles, geographic features counted as
 * places): people F1 0.984, places F1 0.985 (micro). Raise the floor when the extractor improves;
 * never lower it to make a change pass.
 */
const FLOOR = { people: 0.98, places: 0.98 };

const DIR = path.resolve(__dirname, "../../fixtures/entities");

describe("entity quality on the gold set", () => {
  const gold = JSON.parse(readFileSync(path.join(DIR, "gold.json"), "utf8")) as Record<string, GoldArticle>;
  const predictions: Record<string, Prediction> = {};
  for (const id of Object.keys(gold)) {
    const file = path.join(DIR, "raw", `${id}.txt`);
    predictions[id] = extractEntities(parseRawArticle(readFileSync(file), file).storyText);
  }

  it("has at least 40 articles", () => {
    expect(Object.keys(gold).length).toBeGreaterThanOrEqual(40);
  });

  it.each(["people", "places"] as const)("%s micro F1 stays above the floor", (kind) => {
    const score = scoreSet(gold, predictions, kind);
    expect(score.micro.f1).toBeGreaterThanOrEqual(FLOOR[kind]);
  });
});
