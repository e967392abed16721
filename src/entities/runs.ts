import type { Token } from "./tokenize.js";
import { NAME_PARTICLES, NAME_SUFFIXES } from "./words.js";
import { isKnownPlace } from "./places.js";
import { loadLexicon } from "./lexicon.js";

/**
 * Finds runs of capitalised words ("Secretary of State Antony Blinken" gives "Secretary" and
 * "State Antony Blinken"), the raw material of every name. Runs stop at punctuation, at
 * lower-case words other than name particles ("de", "van der", "al"), after a possessive, and at
 * acronyms that are not place names ("NATO", "IRGC").
 */
export interface Run {
  /** Words of the run, possessive `'s` removed. */
  readonly words: string[];
  /** Index of the first and one past the last token of the run. */
  readonly start: number;
  readonly end: number;
  /** The first word opens a sentence or a quotation. */
  readonly opensSentence: boolean;
  /** The run ended on a possessive ("Iran's"). */
  readonly possessive: boolean;
  /** Set when the run came from a word like "Pretoria-based": only a place may come of it. */
  readonly placeOnly?: boolean;
}

const POSSESSIVE = /^(.+?)(?:'s|s')$/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
/** "Pretoria-based", "US-managed", "Prize-winner": a capitalised stem glued to a lower-case word. */
const HYPHENATED = /^(\p{Lu}[\p{L}.]*)-(\p{Ll}+)$/u;

function attributiveStem(text: string): string | null {
  const m = HYPHENATED.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const tail = m[2];
  // "Lee Ki-choo" keeps its syllable; "Pretoria-based", "Prize-winner", "Ethiopian-born" do not.
  if (tail.length < 4 && !["led", "run", "set", "era"].includes(tail)) return null; // "Jae-won", "Ki-choo"
  if (/(?:ed|ing|ers?|born|run|made|wide|style|led|bound)$/.test(tail) || loadLexicon().commonWords.has(tail)) return m[1];
  return null;
}

function isNameWord(token: Token): boolean {
  if (!token.isWord) return false;
  if (INITIALS.test(token.text)) return true;
  if (token.capitalised) return !/^\p{Lu}-\p{Lu}/u.test(token.text); // "D-Mass" party tags are not names
  // "al-Megrahi", "bin-Laden": a lower-case particle glued to a capitalised name.
  const t = token.text;
  if (t.indexOf("-") < 0 && t.indexOf("'") < 0) return false;
  return /^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|ben|abu|abd|d|l|de|da|di|van|von)[-']\p{Lu}/u.test(t);
}

function isAcronym(token: Token): boolean {
  return token.allCaps && !INITIALS.test(token.text) && token.text.replace(/[^\p{L}]/gu, "").length <= 6 && !isKnownPlace([token.text]);
}

export function findRuns(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const attributive = token.isWord && token.capitalised ? attributiveStem(token.text) : null;
    if (attributive) {
      runs.push({ words: [attributive], start: i, end: i + 1, opensSentence: token.opensSentence, possessive: false, placeOnly: true });
      i++;
      continue;
    }
    if (!isNameWord(token) || isAcronym(token)) {
      i++;
      continue;
    }
    const start = i;
    const words: string[] = [];
    let possessive = false;
    let placeOnly = false;
    while (i < tokens.length) {
      const t = tokens[i]!;
      // "Kuala Lumpur-based": the stem ends the run, and only a place can come of it.
      const stem = t.isWord && t.capitalised && words.length > 0 ? attributiveStem(t.text) : null;
      if (stem !== null) {
        words.push(stem);
        placeOnly = true;
        i++;
        break;
      }
      if (isNameWord(t) && !isAcronym(t) && attributiveStem(t.text) === null) {
        const p = POSSESSIVE.exec(t.text);
        if (p?.[1] && t.capitalised && !INITIALS.test(t.text)) {
          words.push(p[1]);
          possessive = true;
          i++;
          break;
        }
        words.push(t.text);
        i++;
        continue;
      }
      // A quoted nickname inside a name: Rafael "Rafa" Echeverría.
      if (words.length > 0 && /^["“]$/.test(t.text)) {
        const nick = tokens[i + 1];
        const close = tokens[i + 2];
        const after = tokens[i + 3];
        if (nick && isNameWord(nick) && close && /^["”]$/.test(close.text) && after && isNameWord(after) && !isAcronym(after)) {
          i += 3;
          continue;
        }
      }
      // Lower-case particles inside a name: "Loyola de Palacio", "Nikolaus van der Pas".
      if (t.isWord && words.length > 0 && NAME_PARTICLES.has(t.text.toLowerCase())) {
        let j = i;
        while (j < tokens.length && tokens[j]!.isWord && NAME_PARTICLES.has(tokens[j]!.text.toLowerCase()) && !tokens[j]!.capitalised) j++;
        const next = tokens[j];
        if (j > i && j - i <= 2 && next && isNameWord(next) && !isAcronym(next)) {
          for (let k = i; k < j; k++) words.push(tokens[k]!.text);
          i = j;
          continue;
        }
      }
      // "Martin Luther King Jr." after a comma: "King, Jr."
      if (t.isWord && words.length > 0 && NAME_SUFFIXES.has(t.text.toLowerCase())) {
        words.push(t.text);
        i++;
      }
      break;
    }
    runs.push({ words, start, end: i, opensSentence: tokens[start]!.opensSentence, possessive, ...(placeOnly ? { placeOnly } : {}) });
  }
  return runs;
}
