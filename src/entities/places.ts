import { PLACE_ALIASES } from "./gazetteer.js";
import { loadLexicon } from "./lexicon.js";

/**
 * Place lookup: is a run of words a known place, and what is its one canonical name.
 */

const ALIAS_BY_KEY = new Map(Object.entries(PLACE_ALIASES).map(([k, v]) => [aliasKey(k), v]));

function aliasKey(name: string): string {
  return name.replace(/’/g, "'").replace(/^the\s+/i, "").toLowerCase();
}

/** Lower-case lookup key of a place name ("St. Louis" → "st. louis"). */
export function placeKey(words: readonly string[]): string {
  return words.join(" ").toLowerCase();
}

export function isKnownPlace(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const key = placeKey(words);
  return loadLexicon().places.has(key) || ALIAS_BY_KEY.has(aliasKey(words.join(" ")));
}

/** Countries, states and regions: names that never end a person's name. */
export function isMajorPlace(words: readonly string[]): boolean {
  const key = placeKey(words);
  return loadLexicon().majorPlaces.has(key) || ALIAS_BY_KEY.has(aliasKey(words.join(" ")));
}

/** "U.S." → "United States", "BUENOS AIRES" → "Buenos Aires", "Gaza" → "Gaza". */
export function canonicalPlaceName(name: string): string {
  const trimmed = name.trim().replace(/’/g, "'");
  const alias = ALIAS_BY_KEY.get(aliasKey(trimmed));
  if (alias) return alias;
  const letters = trimmed.replace(/[^\p{L}]/gu, "");
  if (letters.length > 3 && !/\p{Ll}/u.test(letters)) return titleCase(trimmed);
  return trimmed;
}

const LOWER_IN_PLACES = new Set(["of", "the", "and", "de", "del", "es", "el", "la", "au", "upon", "on"]);

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((part, i) => (i > 0 && LOWER_IN_PLACES.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("");
}
