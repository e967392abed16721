import nlp from "compromise";
import { CITIES, COUNTRIES, NATURAL_FEATURES, OTHER_REGIONS, US_STATES } from "./gazetteer.js";
import { FIRMS_NAMED_LIKE_PEOPLE } from "./words.js";

/**
 * Name and place lexicons built once per process from compromise's own lexicon (first and last
 * names, cities, countries, regions, organisations) and Dateline's gazetteer (with its natural
 * features) and list of firms named like people. Keys are lower-case.
 */
export interface Lexicon {
  /** Known given names ("matthew", "laura"). */
  readonly firstNames: ReadonlySet<string>;
  /** Known family names ("miller"). */
  readonly lastNames: ReadonlySet<string>;
  /** Countries, states, regions and the larger territories (never the tail of a person's name). */
  readonly majorPlaces: ReadonlySet<string>;
  /** Every known place name, single- or multi-word, lower-case. */
  readonly places: ReadonlySet<string>;
  /** Longest place name in words, to bound the multi-word lookup. */
  readonly maxPlaceWords: number;
  /** Organisations and teams compromise knows ("nato", "real madrid"). */
  readonly organisations: ReadonlySet<string>;
  /** Ordinary English words of the lexicon (verbs, adjectives, nouns…), for sentence-initial checks. */
  readonly commonWords: ReadonlySet<string>;
}

let cached: Lexicon | undefined;

const NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person", "Honorific"]);
const PLACE_TAGS = new Set(["City", "Country", "Region", "Place", "Address"]);

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const majorPlaces = new Set<string>();
  const places = new Set<string>();
  const organisations = new Set<string>();
  const commonWords = new Set<string>();
  const model = nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } };
  for (const [word, value] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    if (tags.some((t) => t === "FirstName" || t === "MaleName" || t === "FemaleName")) firstNames.add(word);
    else if (tags.includes("LastName")) lastNames.add(word);
    else if (tags.some((t) => PLACE_TAGS.has(t))) {
      places.add(word);
      if (tags.includes("Country")) majorPlaces.add(word);
    } else if (tags.includes("Organization") || tags.includes("SportsTeam")) organisations.add(word);
    else if (!tags.some((t) => NAME_TAGS.has(t) || t === "ProperNoun") && !word.includes(" ")) commonWords.add(word);
  }
  for (const name of [...COUNTRIES, ...US_STATES, ...OTHER_REGIONS]) {
    majorPlaces.add(name.toLowerCase());
    places.add(name.toLowerCase());
  }
  for (const name of [...CITIES, ...NATURAL_FEATURES]) places.add(name.toLowerCase());
  for (const name of FIRMS_NAMED_LIKE_PEOPLE) organisations.add(name.toLowerCase());
  let maxPlaceWords = 1;
  for (const p of places) maxPlaceWords = Math.max(maxPlaceWords, p.split(" ").length);
  cached = { firstNames, lastNames, majorPlaces, places, maxPlaceWords, organisations, commonWords };
  return cached;
}
