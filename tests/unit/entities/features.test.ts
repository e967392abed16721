import { describe, expect, it } from "vitest";
import { extractEntities } from "../../../src/entities/extract.js";
import { foldFeatureNames } from "../../../src/entities/features.js";

const placesIn = (text: string) => extractEntities(text).places;
const peopleIn = (text: string) => extractEntities(text).people;

describe("geographic features are places", () => {
  it("finds ranges, rivers and deserts known by name, with or without “the”", () => {
    expect(placesIn("Climbers returned from the Alps on Monday. Floods hit the Rhine and the Danube.")).toEqual(["Alps", "Rhine", "Danube"]);
    expect(placesIn("She trekked through the Himalayas before crossing the Gobi.")).toEqual(["Himalayas", "Gobi"]);
  });

  it("reads a feature word after the name: river, sea, ocean, mountains, desert, strait", () => {
    expect(placesIn("Hikers crossed the Sahara Desert and the Atlas Mountains to reach the Red Sea.")).toEqual(["Sahara Desert", "Atlas Mountains", "Red Sea"]);
    expect(placesIn("A tsunami was unlikely in the Indian Ocean, and ships kept to the Taiwan Strait.")).toEqual(["Indian Ocean", "Taiwan Strait"]);
  });

  it("reads the Jordan River as the river, not as Jordan", () => {
    expect(placesIn("Water sharing along the Jordan River was discussed in Amman.")).toEqual(["Jordan River", "Amman"]);
    // Named alone as well, the country is a second place (one-word places are listed after the others).
    expect(placesIn("Jordan agreed to study the flow of the lower Jordan River.")).toEqual(["Jordan River", "Jordan"]);
  });

  it("reads a feature word before the name, also at the start of a sentence", () => {
    expect(placesIn("The agency issued flood warnings for the River Derwent.")).toEqual(["River Derwent"]);
    expect(placesIn("Mount Everest was closed. Boats returned to Lake Victoria.")).toEqual(["Mount Everest", "Lake Victoria"]);
  });

  it("joins names with “of” into one place and does not list the second name alone", () => {
    expect(placesIn("Ships in the Gulf of Mexico and the Strait of Hormuz turned back.")).toEqual(["Gulf of Mexico", "Strait of Hormuz"]);
    expect(placesIn("Water from the Sea of Galilee reached the Cape of Good Hope.")).toEqual(["Sea of Galilee", "Cape of Good Hope"]);
  });

  it("takes the Amazon as the region after “the”, and as the company without it", () => {
    expect(placesIn("Fires burned across the Amazon as the dry season began.")).toEqual(["Amazon"]);
    expect(placesIn("Loggers left the upper Amazon, where rangers now patrol.")).toEqual(["Amazon"]);
    expect(extractEntities("Amazon said its warehouse in Seattle would close.")).toEqual({ people: [], places: ["Seattle"] });
    expect(placesIn("Amazon founder Jeff Bezos toured the Amazon warehouse.")).toEqual([]);
  });

  it("folds the Amazon into the Amazon River when an article names both", () => {
    expect(placesIn("The Amazon River rose two metres, and the Amazon flooded.")).toEqual(["Amazon River"]);
    expect(foldFeatureNames(["Amazon", "Brazil", "Amazon River"])).toEqual(["Brazil", "Amazon River"]);
    expect(foldFeatureNames(["Jordan", "Jordan River"])).toEqual(["Jordan", "Jordan River"]);
  });

  it("takes seas that are also adjectives only as nouns after “the”", () => {
    expect(placesIn("Talks on the eastern Mediterranean were held in Geneva.")).toEqual(["Mediterranean", "Geneva"]);
    expect(placesIn("Arctic sea ice off Svalbard is thinning.")).toEqual(["Svalbard"]);
    expect(placesIn("Two bombs went off on the Mediterranean island of Majorca.")).toEqual(["Majorca"]);
    expect(placesIn("The Baltic states met. She wrote in The Atlantic about it.")).toEqual([]);
  });

  it("leaves people whose surname is a feature word to be people", () => {
    expect(placesIn("Michael Bay said the film was done.")).toEqual([]);
    expect(placesIn("River Phoenix said nothing.")).toEqual([]);
  });
});

describe("firms named like people", () => {
  it("are not people", () => {
    expect(extractEntities("Analysts at Morgan Stanley said shares would rise. Morgan Stanley's chief economist agreed.")).toEqual({ people: [], places: [] });
    expect(peopleIn("Merrill Lynch and Goldman Sachs cut their forecasts, analyst Priya Raghunathan said.")).toEqual(["Priya Raghunathan"]);
  });

  it("include names joined by an ampersand", () => {
    expect(peopleIn("Procter & Gamble and Marks & Spencer reported results.")).toEqual([]);
  });
});

describe("names next to features and roles", () => {
  it("drops a role that opens the sentence before a name", () => {
    expect(peopleIn("Hydrologist Marlene Hoffstetter said the river was low. Organiser Gwen Atherton agreed.")).toEqual(["Marlene Hoffstetter", "Gwen Atherton"]);
  });

  it("reads a lone name after “in” as a place even before “said”", () => {
    expect(extractEntities("Marlene Hoffstetter of the institute in Koblenz said the river was low.")).toEqual({
      people: ["Marlene Hoffstetter"],
      places: ["Koblenz"],
    });
  });

  it("reads the second of two names sharing “the” as a name of the same kind", () => {
    expect(peopleIn("Workers at the Cerro Blanco and Loma Verde mines went on strike.")).toEqual([]);
  });
});
