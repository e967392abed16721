import type { Run } from "./runs.js";
import type { Token } from "./tokenize.js";
import { AMBIGUOUS_FEATURES, FEATURE_WORDS_AFTER, FEATURE_WORDS_BEFORE, FEATURE_WORDS_WITH_OF, NATURAL_FEATURES } from "./gazetteer.js";
import { loadLexicon } from "./lexicon.js";
import { NEVER_NAMES, ORG_WORDS, TITLE_WORDS } from "./words.js";

/**
 * Geographic features (rivers, lakes, seas, mountains, deserts) are places. Their names have three
 * shapes: a feature word after the name ("Jordan River", "Java Sea", "Atlas Mountains"), before it
 * ("River Derwent", "Lake Victoria", "Mount Everest"), or joined by "of" ("Gulf of Mexico", "Bay of
 * Bengal"). Ranges and rivers known by name alone ("the Alps", "the Rhine") are in the gazetteer;
 * names that are also a company or an adjective count only after "the" ("the Amazon", "the
 * eastern Mediterranean", never "Amazon said" or "Arctic sea ice").
 */

const NATURAL_FEATURE_KEYS = new Set(NATURAL_FEATURES.map((name) => name.toLowerCase()));

/**
 * Lower-case words after "the X" that keep X a feature: "the Amazon rainforest", "the Pacific coast".
 * Not "island" or "states": "the Mediterranean island", "the Baltic states" use X as an adjective.
 */
const FEATURE_CONTEXT = new Set(
  ("coast coastline coasts shore shores waters seabed floor basin region rainforest forest forests jungle river " +
    "rivers delta estuary rim crossing").split(" "),
);
/** Lower-case words that may follow a feature in a sentence without saying it is something else. */
const FUNCTION_WORDS = new Set(
  ("is was has had and or but to in at from on off by of where which that with for as near while into " +
    "through across since until than were are have been will would could can may itself").split(" "),
);
/** Lower-case words between "the" and a feature: "the eastern Mediterranean", "the upper Amazon". */
const DIRECTIONS = new Set(
  "eastern western northern southern central north south east west upper lower northeastern northwestern southeastern southwestern".split(" "),
);

/** Feature words that are also surnames: "Michael Bay", "Frank Ocean", "George Strait" are people. */
const SURNAME_LIKE_FEATURE_WORDS = new Set(["Lake", "River", "Bay", "Ocean", "Strait", "Delta"]);

/** The feature a run of capitalised words names, or null. `tokens` give the words around it. */
export function featureInRun(run: Run, tokens: readonly Token[]): string | null {
  const words = dropLeadingFunctionWords(run.words);
  if (words.length === 0) return null;
  if (words.length === 1) return AMBIGUOUS_FEATURES.has(words[0]!) && isFeatureUse(run, tokens) ? words[0]! : null;
  const last = words[words.length - 1]!;
  const first = words[0]!;
  if (FEATURE_WORDS_AFTER.has(last) && words.slice(0, -1).every(isNamePart)) {
    // "Michael Bay" is a person; "the Victoria River" is still a river.
    if (SURNAME_LIKE_FEATURE_WORDS.has(last) && loadLexicon().firstNames.has(first.toLowerCase()) && !followsThe(run, tokens)) return null;
    return words.join(" ");
  }
  if (FEATURE_WORDS_BEFORE.has(first) && words.length <= 4 && words.slice(1).every(isNamePart) && !FEATURE_WORDS_AFTER.has(words[1]!)) {
    return words.join(" ");
  }
  return null;
}

/**
 * "Gulf of Mexico", "Strait of Hormuz", "Sea of Galilee": a run ending on a feature word, then "of"
 * (and perhaps "the"), then the run that names it. Null when `run` and `next` do not make one.
 */
export function featureWithOf(run: Run, next: Run | undefined, tokens: readonly Token[]): string | null {
  if (!next) return null;
  const words = dropLeadingFunctionWords(run.words);
  if (words.length === 0 || words.length > 2 || run.possessive) return null;
  if (!FEATURE_WORDS_WITH_OF.has(words[words.length - 1]!) || !words.slice(0, -1).every(isNamePart)) return null;
  if (tokens[run.end]?.text !== "of") return null;
  const hasThe = tokens[run.end + 1]?.text === "the";
  if (next.start !== run.end + (hasThe ? 2 : 1)) return null;
  if (next.words.length === 0 || next.words.length > 3 || !next.words.every(isNamePart)) return null;
  return `${words.join(" ")} of ${hasThe ? "the " : ""}${next.words.join(" ")}`;
}

/** "Amazon" in "the Amazon", "the upper Amazon": named as a place, not as a company or adjective. */
function isFeatureUse(run: Run, tokens: readonly Token[]): boolean {
  if (/^the$/i.test(run.words[0] ?? "")) {
    // "wrote in The Atlantic": a capital "The" inside a sentence names a title.
    if (!run.opensSentence) return false;
  } else {
    let k = run.start - 1;
    if (tokens[k]?.isWord && DIRECTIONS.has(tokens[k]!.text)) k--;
    if (tokens[k]?.text.toLowerCase() !== "the") return false;
  }
  const after = tokens[run.end];
  if (!after?.isWord || after.capitalised) return true;
  return FEATURE_CONTEXT.has(after.text) || FUNCTION_WORDS.has(after.text);
}

function followsThe(run: Run, tokens: readonly Token[]): boolean {
  return /^the$/i.test(run.words[0] ?? "") || tokens[run.start - 1]?.text.toLowerCase() === "the";
}

/** A word that may stand in a feature's name: capitalised, not an organisation's or a title's word. */
function isNamePart(word: string): boolean {
  if (FEATURE_WORDS_AFTER.has(word) || AMBIGUOUS_FEATURES.has(word)) return true; // "Jordan River Valley", "Amazon River"
  const lower = word.toLowerCase().replace(/\.$/, "");
  return /^\p{Lu}/u.test(word) && !ORG_WORDS.has(lower) && !TITLE_WORDS.has(lower) && !NEVER_NAMES.has(lower);
}

/** "The Amazon River", "But Lake Victoria": the sentence's opening word is not part of the name. */
function dropLeadingFunctionWords(words: readonly string[]): readonly string[] {
  let k = 0;
  while (k < words.length && NEVER_NAMES.has(words[k]!.toLowerCase()) && !AMBIGUOUS_FEATURES.has(words[k]!)) k++;
  return words.slice(k);
}

/**
 * "the Amazon" and "the Amazon River" in one article are one place: a feature's bare name is
 * folded into its fuller form. Other places are kept as they are ("Jordan" beside "Jordan River").
 */
export function foldFeatureNames(places: readonly string[]): string[] {
  const all = new Set(places);
  const hasFullerForm = (name: string) =>
    [...FEATURE_WORDS_AFTER].some((word) => all.has(`${name} ${word}`)) || [...FEATURE_WORDS_BEFORE].some((word) => all.has(`${word} ${name}`));
  return places.filter((place) => !isFeatureName(place) || !hasFullerForm(place));
}

function isFeatureName(place: string): boolean {
  return AMBIGUOUS_FEATURES.has(place) || NATURAL_FEATURE_KEYS.has(place.toLowerCase());
}
