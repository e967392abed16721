import { cleanArticleText } from "./clean-text.js";
import { loadLexicon } from "./lexicon.js";
import { canonicalPlaceName, isKnownPlace, isMajorPlace } from "./places.js";
import { findRuns, type Run } from "./runs.js";
import { tokenizeText, type Token } from "./tokenize.js";
import { PLACE_SUFFIXES } from "./gazetteer.js";
import { featureInRun, featureWithOf, foldFeatureNames } from "./features.js";
import {
  CORPORATE_SUFFIXES,
  DEITIES,
  DEMONYMS_AND_LANGUAGES,
  FACILITY_TAIL_WORDS,
  PLACE_PREFIX_WORDS,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  NEVER_NAMES,
  ORG_WORDS,
  PERSON_CUE_WORDS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from "./words.js";

/** People and places named in an article, one canonical name each, in order of first mention. */
export interface Entities {
  readonly people: string[];
  readonly places: string[];
}

const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);
const POSSESSIVE_FACILITIES = new Set(["church", "cathedral", "chapel", "college", "school", "university", "hospital", "hall", "house", "park", "square", "street", "road", "abbey", "inn", "market", "bridge"]);
const HOLIDAYS = new Set(["eid", "ramadan", "christmas", "easter", "hanukkah", "diwali", "passover", "thanksgiving", "halloween", "lent", "advent"]);
const COMMON_SUFFIX = /(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|hood|ology|ical|ive|ous|ful|less|able|ible|ary|ery|ics|pathy|osis|emia|form)$/;
const PERSON_NOUNS = new Set(["woman", "man", "girl", "boy", "mother", "father", "veteran", "former", "retired", "resident", "native", "citizen", "national", "member", "businessman", "businesswoman", "politician", "lawmaker", "legislator", "mp"]);
const PLACE_NOUNS_AFTER = new Set(["neighborhood", "neighbourhood", "district", "province", "region", "area", "town", "city", "village", "suburb", "county", "governorate", "municipality", "township", "valley", "island"]);
const PLACE_CUES = new Set(["in", "near", "outside", "across", "throughout", "around", "off", "above", "below", "beyond", "along"]);
const PLACE_CUE_NOUNS = new Set(["town", "city", "village", "capital", "province", "state", "island", "islands", "region", "district", "county", "suburb", "port", "republic", "kingdom", "outskirts", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "municipality", "prefecture", "neighbourhood", "neighborhood", "shore", "shores", "summit", "slopes", "foothills", "mouth", "waters"]);

interface Context {
  readonly tokens: readonly Token[];
  /** Lower-case words the text also uses in lower case: ordinary words, not names. */
  readonly lowerWords: ReadonlySet<string>;
}

interface PersonMention {
  words: string[];
  titled: boolean;
}

interface LoneMention {
  word: string;
  run: Run;
  titled: boolean;
}

/** Finds the people and places of a news text (pure: same text, same answer). */
export function extractEntities(input: string): Entities {
  const { text, dateline } = cleanArticleText(input);
  const tokens = tokenizeText(text);
  const lowerWords = new Set<string>();
  for (const t of tokens) if (t.isWord && !t.capitalised && t.text === t.text.toLowerCase()) lowerWords.add(t.text);
  const ctx: Context = { tokens, lowerWords };

  const places: string[] = [];
  const persons: PersonMention[] = [];
  const lones: LoneMention[] = [];
  if (dateline) places.push(canonicalPlaceName(dateline));

  const runs = findRuns(tokens);
  for (let k = 0; k < runs.length; k++) {
    // "Gulf of Mexico" spans two runs; "Mexico" alone is not named.
    const joined = featureWithOf(runs[k]!, runs[k + 1], tokens);
    if (joined !== null) {
      places.push(joined);
      k++;
      continue;
    }
    classifyRun(runs[k]!, ctx, places, persons, lones);
  }

  const people = dropAttributiveSurnames(mergePeople(persons));
  const surnames = new Set(people.filter((p) => p.length > 1).map((p) => fold(p[p.length - 1]!)));
  const personTokens = new Map<string, number>();
  for (const p of people) for (const w of p) personTokens.set(fold(w), (personTokens.get(fold(w)) ?? 0) + 1);
  const single: string[][] = [];
  const kinds = lones.map((lone) => resolveLone(lone, ctx, personTokens, surnames));
  settleCoordinatedPlaces(lones, kinds, ctx);
  lones.forEach((lone, i) => {
    if (kinds[i] === "place") places.push(canonicalPlaceName(lone.word));
    else if (kinds[i] === "person") single.push([lone.word]);
  });
  const allPeople = mergePeople([...people.map((words) => ({ words, titled: false })), ...single.map((words) => ({ words, titled: false }))]);
  const personKeys = new Set(allPeople.map((p) => fold(p.join(" "))));
  return {
    people: unique(allPeople.map((p) => p.join(" "))),
    places: foldFeatureNames(unique(places.filter((p) => !personKeys.has(fold(p))))),
  };
}

function classifyRun(run: Run, ctx: Context, places: string[], persons: PersonMention[], lones: LoneMention[]): void {
  let words = run.words.slice();
  if (run.placeOnly) {
    while (words.length > 1 && (isNeverName(words[0]!) || isTitleWord(words[0]!) || DEMONYMS_AND_LANGUAGES.has(bare(words[0]!)))) words.shift();
    for (let k = 0; k < words.length; k++) {
      if (isKnownPlace(words.slice(k))) {
        places.push(canonicalPlaceName(words.slice(k).join(" ")));
        break;
      }
    }
    return;
  }
  if (HOLIDAYS.has(bare(words[0] ?? ""))) return;
  if (isQuotedTitle(run, ctx)) return;
  const feature = featureInRun(run, ctx.tokens);
  // "River Phoenix said": a feature's shape, a person's use.
  if (feature !== null && !isFollowedBySpeechVerb(run, ctx)) {
    places.push(canonicalPlaceName(feature));
    return;
  }
  if (isBesideAmpersand(run, ctx)) return;
  // "St. Mary's Church", "Guy's Hospital": a possessive naming a building or school.
  const nextToken = ctx.tokens[run.end];
  if (run.possessive && nextToken?.isWord && nextToken.capitalised && POSSESSIVE_FACILITIES.has(bare(nextToken.text))) return;
  const follower = ctx.tokens[run.end];
  if (follower?.isWord && CORPORATE_SUFFIXES.has(follower.text.replace(/\.$/, ""))) return;
  // One-word places are settled with the other lone words, once the people are known
  // ("Wakefield's group" after "Dr Andrew Wakefield").
  const whole = words.length > 1 && isKnownPlace(words);
  if (whole) {
    places.push(canonicalPlaceName(words.join(" ")));
    return;
  }
  // A sentence-opening ordinary word is not part of the name ("But Blinken", "The Hague" aside).
  while (words.length > 0 && isNeverName(words[0]!)) words.shift();
  if (run.opensSentence && words.length > 0 && words[0] === run.words[0] && isCommonWord(words[0]!, ctx) && !isTitleWord(words[0]!)) {
    words.shift();
  } else if (run.opensSentence && words[0] === run.words[0] && isRoleBeforeName(words)) {
    words.shift();
  }
  // Months and weekdays split a run ("Monday Gallant said" is rare; "Wednesday" alone is not a name).
  // A month after a given name is a surname ("Theresa May", "Brian March").
  const segments = splitAt(
    words,
    (w, prev) => isNeverName(w) && !HOLIDAYS.has(bare(w)) && !(MONTHS.has(bare(w)) && prev !== undefined && loadLexicon().firstNames.has(bare(prev))),
  );
  for (const segment of segments) classifySegment(segment, run, ctx, places, persons, lones);
}

function classifySegment(
  input: string[],
  run: Run,
  ctx: Context,
  places: string[],
  persons: PersonMention[],
  lones: LoneMention[],
): void {
  let words = input;
  if (words.length === 0) return;
  // "Prime Minister", "Former Prime Minister": a role without a name.
  if (words.every((w) => isTitleWord(w) || DEMONYMS_AND_LANGUAGES.has(bare(w)))) return;
  if (isKnownPlace(words) && words.length > 1) {
    places.push(canonicalPlaceName(words.join(" ")));
    return;
  }
  // "Kano State", "Lexington County": a name and a place word, before "State" is read as a title.
  const tail = words[words.length - 1]!;
  if (words.length > 1 && PLACE_SUFFIXES.has(tail) && !words.slice(0, -1).some((w) => isTitleWord(w) || isOrgWord(w) || isCommonWord(w, ctx))) {
    places.push(canonicalPlaceName(words.join(" ")));
    return;
  }
  // Strip a prefix of places, demonyms and titles: "US President", "Israeli Defense Minister",
  // "Current UK Prime Minister David Cameron", "Foreign Office Minister Ivan Lewis".
  let titled = false;
  let i = 0;
  const lastTitle = findLastTitle(words);
  if (lastTitle >= 0) {
    titled = true;
    emitPlacesIn(words.slice(0, lastTitle), places);
    i = lastTitle + 1;
  }
  while (i < words.length) {
    const lower = bare(words[i]!);
    if (DEMONYMS_AND_LANGUAGES.has(lower)) {
      i++;
      continue;
    }
    const placeLength = leadingPlaceLength(words, i);
    if (placeLength > 0 && i + placeLength < words.length) {
      const after = bare(words[i + placeLength]!);
      if (DEMONYMS_AND_LANGUAGES.has(after) || ORG_WORDS.has(after) || TITLE_WORDS.has(after)) {
        places.push(canonicalPlaceName(words.slice(i, i + placeLength).join(" ")));
        i += placeLength;
        continue;
      }
    }
    break;
  }
  words = words.slice(i);
  // Trailing words that are not name parts ("Gallant Thursday" is handled by splitAt; "Blinken Jr" keeps Jr).
  while (words.length > 0 && DEMONYMS_AND_LANGUAGES.has(bare(words[words.length - 1]!))) words.pop();
  if (words.length === 0) return;
  while (words.length > 0 && NAME_PARTICLES.has(words[0]!.toLowerCase()) && words[0] === words[0]!.toLowerCase()) words.shift();
  if (words.length === 0) return;
  if (!titled && isFollowedByMajorPlace(run, ctx) && !loadLexicon().firstNames.has(bare(words[0]!))) {
    places.push(canonicalPlaceName(words.join(" ")));
    return;
  }
  if (!titled && PLACE_PREFIX_WORDS.has(words[0]!) && words.length > 1) {
    places.push(canonicalPlaceName(words.join(" ")));
    return;
  }
  if (words.some((w) => isOrgWord(w) || /\d/.test(w)) || loadLexicon().organisations.has(words.join(" ").toLowerCase())) return;
  if (words.length > 1 && FACILITY_TAIL_WORDS.has(bare(words[words.length - 1]!))) return;
  if (words.length > 1 && isKnownPlace(words) && !titled) {
    places.push(canonicalPlaceName(words.join(" ")));
    return;
  }
  if (words.length === 1) {
    lones.push({ word: words[0]!, run, titled });
    return;
  }
  const last = words[words.length - 1]!;
  if (!titled && PLACE_SUFFIXES.has(last)) {
    places.push(canonicalPlaceName(words.join(" ")));
    return;
  }
  if (!titled && (followsArticle(run, ctx) || !looksLikePersonName(words, run, ctx))) return;
  persons.push({ words: trimName(words), titled });
}

/** A run of two or more capitalised words: is it a person's name? */
function looksLikePersonName(words: readonly string[], run: Run, ctx: Context): boolean {
  const lex = loadLexicon();
  const core = words.filter((w) => !NAME_PARTICLES.has(w.toLowerCase()) && !NAME_SUFFIXES.has(w.toLowerCase()));
  if (core.length === 0) return false;
  const first = bare(core[0]!);
  // A country or state inside the run, after its first word, makes it a name of something else
  // ("Fan Expo Canada"), unless the run opens with a given name ("Lila Montenegro").
  if (!lex.firstNames.has(first)) for (let k = 1; k < core.length; k++) if (isMajorPlace([core[k]!])) return false;
  const lastWord = bare(core[core.length - 1]!);
  // "Palmetto Health", "Atletico Madrid": a role word or a city at the end is not a surname.
  if (TITLE_WORDS.has(lastWord) && !lex.lastNames.has(lastWord) && !lex.firstNames.has(first)) return false;
  if (lex.firstNames.has(first)) return true;
  const context = hasPersonContext(run, ctx);
  if (isKnownPlace([core[core.length - 1]!]) && !context) return false;
  const common = core.filter((w) => isCommonWord(w, ctx)).length;
  if (common === 0) return true;
  if (context) return common < core.length;
  return false;
}

/**
 * "Hydrologist Marlene Hoffstetter", "Organiser Gwen Atherton": a sentence-opening word shaped like
 * a role (-er, -or, -ist, -ian, -ant, -ent), not itself a known name, before a known given name.
 */
function isRoleBeforeName(words: readonly string[]): boolean {
  if (words.length < 3) return false;
  const lex = loadLexicon();
  const first = bare(words[0]!);
  if (lex.firstNames.has(first) || lex.lastNames.has(first) || !/(?:er|or|ist|ian|ant|ent)$/.test(first)) return false;
  return lex.firstNames.has(bare(words[1]!));
}

/** Index of the last title word that still has name words after it, or -1. */
function findLastTitle(words: readonly string[]): number {
  for (let k = words.length - 2; k >= 0; k--) {
    if (!isTitleWord(words[k]!)) continue;
    const rest = words.slice(k + 1).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase()));
    if (rest.length === 0) return -1;
    return k;
  }
  return -1;
}

function isTitleWord(word: string): boolean {
  const lower = bare(word);
  if (TITLE_WORDS.has(lower)) return true;
  // "Vice-President", "Secretary-General"
  return lower.includes("-") && lower.split("-").every((part) => TITLE_WORDS.has(part));
}

function emitPlacesIn(words: readonly string[], places: string[]): void {
  let k = 0;
  while (k < words.length) {
    const n = leadingPlaceLength(words, k);
    if (n > 0) {
      places.push(canonicalPlaceName(words.slice(k, k + n).join(" ")));
      k += n;
    } else k++;
  }
}

/** "Orange Park, Florida", "Monterey, California": a name followed by a comma and a state or country. */
function isFollowedByMajorPlace(run: Run, ctx: Context): boolean {
  if (ctx.tokens[run.end]?.text !== ",") return false;
  const next: string[] = [];
  for (let k = run.end + 1; k < ctx.tokens.length && next.length < 3; k++) {
    const t = ctx.tokens[k]!;
    if (!t.isWord || !t.capitalised) break;
    next.push(t.text);
  }
  for (let n = next.length; n >= 1; n--) {
    const candidate = next.slice(0, n);
    if (isMajorPlace(candidate) && !isKnownPlaceCountryOnlyAlias(candidate)) return true;
  }
  return false;
}

function isKnownPlaceCountryOnlyAlias(words: readonly string[]): boolean {
  // "Washington, US" is fine; but "said Blinken, US" is not a pattern worth trusting for one-word aliases.
  return words.length === 1 && words[0]!.length <= 3;
}

/**
 * "the Ontario Ghostbusters", "The Silver Star": people are not named with an article, nor is the
 * second of two names sharing one ("the Cerro Blanco and Loma Verde mines").
 */
function followsArticle(run: Run, ctx: Context): boolean {
  if (/^the$/i.test(run.words[0] ?? "")) return true;
  const before = previousWord(ctx.tokens, run.start);
  if (before === "the") return true;
  if (before !== "and" && before !== "or") return false;
  let k = run.start - 2;
  while (k >= 0 && ctx.tokens[k]!.isWord && ctx.tokens[k]!.capitalised) k--;
  return k < run.start - 2 && previousWord(ctx.tokens, k + 1) === "the";
}

function hasPersonContext(run: Run, ctx: Context): boolean {
  const before = previousWord(ctx.tokens, run.start);
  if (before !== null && PERSON_CUE_WORDS.has(before)) return true;
  const after = ctx.tokens[run.end];
  if (after?.isWord && SPEECH_VERBS.has(after.text.toLowerCase())) return true;
  if (after?.text === ",") {
    const next = ctx.tokens[run.end + 1];
    if (next?.isWord && ["who", "whose", "aged", "age"].includes(next.text.toLowerCase())) return true;
    if (next?.isWord && /^\d+$/.test(next.text)) return true;
    // "Valeska Paris, an Australian woman": an apposition naming a person's role.
    if (next?.isWord && ["a", "an", "the"].includes(next.text.toLowerCase())) {
      for (let k = run.end + 2; k < run.end + 5; k++) {
        const t = ctx.tokens[k];
        if (!t?.isWord) break;
        const w = t.text.toLowerCase();
        if (PERSON_CUE_WORDS.has(w) || PERSON_NOUNS.has(w)) return true;
      }
    }
  }
  return false;
}

function followsPlaceCue(run: Run, ctx: Context): boolean {
  // "In Amazonas, …": the cue opened the sentence and the run with it.
  if (run.words.length > 1 && PLACE_CUES.has(run.words[0]!.toLowerCase())) return true;
  const before = previousWord(ctx.tokens, run.start);
  return before !== null && PLACE_CUES.has(before) && !run.opensSentence;
}

/**
 * "in Porto and Braga", "Padang and Bengkulu": an unknown lone name listed with a place is a place.
 * Repeated once so that a chain of three settles.
 */
function settleCoordinatedPlaces(lones: readonly LoneMention[], kinds: LoneKind[], ctx: Context): void {
  const t = ctx.tokens;
  for (let pass = 0; pass < 2; pass++) {
    const placeAt = new Set<number>();
    lones.forEach((lone, i) => {
      if (kinds[i] === "place") for (let k = lone.run.start; k < lone.run.end; k++) placeAt.add(k);
    });
    const isPlaceWord = (k: number) => placeAt.has(k) || (t[k]?.isWord === true && t[k]!.capitalised && isKnownPlace([t[k]!.text]));
    const isJoin = (k: number) => t[k] !== undefined && ["and", "or", ","].includes(t[k]!.text);
    lones.forEach((lone, i) => {
      if (kinds[i] !== "none" || lone.titled) return;
      const word = lone.word;
      if (isCommonWord(word, ctx) || isNeverName(word) || isTitleWord(word) || DEMONYMS_AND_LANGUAGES.has(bare(word))) return;
      const { start, end } = lone.run;
      // After a comma only inside a list ("Leeds, Bristol and York"), never an apposition ("Mecca, Islam's").
      const before = isJoin(start - 1) && isPlaceWord(start - 2) && (t[start - 1]!.text !== "," || isJoin(end));
      const after = isJoin(end) && isPlaceWord(end + 1) && (t[end]!.text !== "," || isJoin(start - 1));
      if (before || after) kinds[i] = "place";
    });
  }
}

/** "Brno in the Czech Republic", "Sriharikota in Andhra Pradesh": a lone name located in a known place. */
function isFollowedByPlacePhrase(run: Run, ctx: Context): boolean {
  const t = ctx.tokens;
  let k = run.end;
  if (!(t[k]?.isWord && (t[k]!.text === "in" || t[k]!.text === "near"))) return false;
  k++;
  if (t[k]?.text === "the") k++;
  const words: string[] = [];
  while (t[k]?.isWord && t[k]!.capitalised && words.length < 4) words.push(t[k++]!.text.replace(/'s$/, ""));
  for (let n = words.length; n >= 1; n--) if (isMajorPlace(words.slice(0, n))) return true;
  return false;
}

function isFollowedBySpeechVerb(run: Run, ctx: Context): boolean {
  const after = ctx.tokens[run.end];
  return after?.isWord === true && SPEECH_VERBS.has(after.text.toLowerCase());
}

/** "Marks & Spencer", "Procter & Gamble": names joined by an ampersand are a firm's. */
function isBesideAmpersand(run: Run, ctx: Context): boolean {
  const t = ctx.tokens;
  return (t[run.end]?.text === "&" && t[run.end + 1]?.capitalised === true) || (t[run.start - 1]?.text === "&" && t[run.start - 2]?.capitalised === true);
}

/** A run standing alone in quotes is the title of a work ("Canciones del Puerto"). */
function isQuotedTitle(run: Run, ctx: Context): boolean {
  const before = ctx.tokens[run.start - 1]?.text;
  const after = ctx.tokens[run.end]?.text;
  return before !== undefined && after !== undefined && /^["“]$/.test(before) && /^["”]$/.test(after) && run.words.length > 1;
}

type LoneKind = "person" | "place" | "none";

function resolveLone(
  lone: LoneMention,
  ctx: Context,
  personTokens: ReadonlyMap<string, number>,
  surnames: ReadonlySet<string>,
): LoneKind {
  const word = lone.word;
  const lower = bare(word);
  const lex = loadLexicon();
  if (word.length < 2 || isNeverName(word) || DEMONYMS_AND_LANGUAGES.has(lower)) return "none";
  const matchesPerson = personTokens.has(fold(word));
  // "US", "U.K.": abbreviations of places before the pronoun check ("us").
  if (/^\p{Lu}[\p{Lu}.]+$/u.test(word) && isKnownPlace([word])) return "place";
  if (isTitleWord(word) || isNeverName(word) || DEITIES.has(lower)) return "none";
  const nextWord = ctx.tokens[lone.run.end];
  if (nextWord?.isWord && PLACE_NOUNS_AFTER.has(nextWord.text.toLowerCase()) && !matchesPerson) return "place";
  if (lone.titled) return isCommonWord(word, ctx) && !matchesPerson ? "none" : "person";
  const known = isKnownPlace([word]);
  const speech = hasPersonContext(lone.run, ctx);
  if (known) return (matchesPerson && speech) || surnames.has(fold(word)) ? "person" : "place";
  if (matchesPerson) return "person";
  if (/^(?:al|el|bin|ibn|abu)-/i.test(word)) return followsPlaceCue(lone.run, ctx) ? "place" : speech ? "person" : "none";
  if (isFollowedByMajorPlace(lone.run, ctx) && !lex.firstNames.has(lower)) return "place";
  if (lone.run.opensSentence && isCommonWord(word, ctx)) return "none";
  if (isCommonWord(word, ctx) && !lex.firstNames.has(lower) && !lex.lastNames.has(lower)) return "none";
  // "the institute in Koblenz said": the verb belongs to the sentence's subject, not to the place.
  const placeCued = followsPlaceCue(lone.run, ctx) && !word.includes("-") && ctx.tokens[lone.run.end]?.text !== ":";
  if (speech && placeCued && !lex.firstNames.has(lower) && !lex.lastNames.has(lower)) return "place";
  if (speech) return "person";
  const before = previousWord(ctx.tokens, lone.run.start);
  const beforeTwo = previousWord(ctx.tokens, lone.run.start - 1);
  if (before === "of" && beforeTwo !== null && PLACE_CUE_NOUNS.has(beforeTwo)) return "place";
  if (placeCued) return "place";
  if (isFollowedByPlacePhrase(lone.run, ctx)) return "place";
  if (lex.firstNames.has(lower) && !lone.run.opensSentence) return "person";
  return "none";
}

/** "Warhol Factory", "Warhol Polaroid": a run that opens with another person's surname is not a person. */
function dropAttributiveSurnames(people: string[][]): string[][] {
  const surnames = new Set(people.filter((p) => p.length > 1).map((p) => fold(p[p.length - 1]!)));
  return people.filter((p) => p.length < 2 || !surnames.has(fold(p[0]!)) || p.length > 2);
}

/** Folds surname-only and shorter mentions into the fullest form of the same person. */
function mergePeople(mentions: readonly PersonMention[]): string[][] {
  const sorted = mentions
    .map((m, order) => ({ words: m.words, order }))
    .sort((a, b) => b.words.length - a.words.length || a.order - b.order);
  const kept: { words: string[]; keys: string[]; order: number }[] = [];
  for (const m of sorted) {
    const key = m.words.map(fold);
    const host = kept.find((k) => isSubsequence(key, k.keys));
    if (host) {
      host.order = Math.min(host.order, m.order);
      continue;
    }
    kept.push({ words: m.words, keys: key, order: m.order });
  }
  return kept.sort((a, b) => a.order - b.order).map((k) => k.words);
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let j = 0;
  for (const w of long) if (j < short.length && short[j] === w) j++;
  return j === short.length;
}

function trimName(words: string[]): string[] {
  return words.map((w) => w.replace(/[.,]$/, (m) => (/^(?:\p{Lu}\.)+$/u.test(w) || /^(jr|sr)\.$/i.test(w) ? m : "")));
}

function leadingPlaceLength(words: readonly string[], from: number): number {
  const max = Math.min(loadLexicon().maxPlaceWords, words.length - from);
  for (let n = max; n >= 1; n--) if (isKnownPlace(words.slice(from, from + n))) return n;
  return 0;
}

function splitAt(words: readonly string[], isBreak: (w: string, prev: string | undefined) => boolean): string[][] {
  const out: string[][] = [[]];
  for (const [i, w] of words.entries()) {
    if (isBreak(w, words[i - 1])) out.push([]);
    else out[out.length - 1]!.push(w);
  }
  return out.filter((s) => s.length > 0);
}

function previousWord(tokens: readonly Token[], index: number): string | null {
  const t = tokens[index - 1];
  return t?.isWord ? t.text.toLowerCase() : null;
}

function isNeverName(word: string): boolean {
  // "US" is a place, "Us" a pronoun.
  if (/^\p{Lu}[\p{Lu}.]+$/u.test(word) && isKnownPlace([word])) return false;
  return NEVER_NAMES.has(bare(word));
}

function isOrgWord(word: string): boolean {
  return ORG_WORDS.has(bare(word));
}

function isCommonWord(word: string, ctx: Context): boolean {
  const lower = bare(word);
  const lex = loadLexicon();
  if (lex.commonWords.has(lower) || ctx.lowerWords.has(lower) || NEVER_NAMES.has(lower)) return true;
  if (lex.firstNames.has(lower) || lex.lastNames.has(lower)) return false;
  if (lower.endsWith("s") && (lex.commonWords.has(lower.slice(0, -1)) || ctx.lowerWords.has(lower.slice(0, -1)))) return true;
  return lower.length > 5 && COMMON_SUFFIX.test(lower);
}

function bare(word: string): string {
  return word.toLowerCase().replace(/\.$/, "").replace(/'/g, "");
}

/** Accent- and case-insensitive comparison key. */
const foldCache = new Map<string, string>();

function fold(word: string): string {
  let key = foldCache.get(word);
  if (key === undefined) {
    key = /^[a-zA-Z ]*$/.test(word)
      ? word.toLowerCase()
      : word.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[.'’]/g, "");
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(word, key);
  }
  return key;
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const key = fold(n);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}
