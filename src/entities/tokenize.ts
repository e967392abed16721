/**
 * Splits text into word and punctuation tokens, marking the words that open a sentence, for the
 * entity rules. Curly apostrophes are read as straight ones; initials ("U.S.", "O.J.", "W.") and
 * known abbreviations ("Mr.", "Calif.") keep their dots.
 */
export interface Token {
  /** The token as written (curly apostrophes made straight). */
  readonly text: string;
  readonly isWord: boolean;
  /** First letter is upper-case (or the token is a run of initials). */
  readonly capitalised: boolean;
  /** The word opens a sentence, a paragraph, or a quotation. */
  readonly opensSentence: boolean;
  /** The word is all capitals and at least two letters long ("NATO", "US"). */
  readonly allCaps: boolean;
}

const ABBREVIATIONS = new Set(
  ("mr mrs ms dr prof sen sens rep reps gov gen lt col capt sgt cpl maj adm cmdr rev fr st mt ft jr sr " +
    "no vs inc corp co ltd bros calif mass fla tex ill pa va md ga mich conn wash ore ariz colo minn wis " +
    "tenn ky la ala okla nev neb kan miss mo del ind iowa ark vt mont wyo ida dak jan feb mar apr jun jul " +
    "aug sep sept oct nov dec").split(" "),
);

const TOKEN = /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*\.?|['’]|[^\s\p{L}\p{M}\p{N}]/gu;
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  let opens = true;
  for (const match of text.matchAll(TOKEN)) {
    let raw = match[0].replace(/’/g, "'");
    const index = match.index ?? 0;
    const before = index > 0 ? text.charCodeAt(index - 1) : 10;
    if (before === 10 || (index > 1 && text.charCodeAt(index - 2) === 10 && (before === 32 || before === 9))) opens = true;
    if (/^[\p{L}\p{M}\p{N}]/u.test(raw)) {
      let trailingStop = false;
      // A word that swallowed a full stop: keep the dot only on abbreviations and initials.
      if (raw.endsWith(".") && !/^(?:\p{Lu}\.)+$/u.test(raw)) {
        const stem = raw.slice(0, -1);
        if (!ABBREVIATIONS.has(stem.toLowerCase())) {
          raw = stem;
          trailingStop = true;
        }
      }
      const letters = raw.replace(/[^\p{L}]/gu, "");
      tokens.push({
        text: raw,
        isWord: true,
        capitalised: UPPER.test(raw),
        opensSentence: opens,
        allCaps: letters.length >= 2 && !HAS_LOWER.test(letters),
      });
      opens = false;
      if (trailingStop) {
        tokens.push({ text: ".", isWord: false, capitalised: false, opensSentence: false, allCaps: false });
        opens = true;
      } else if (/^(?:\p{Lu}\.){2,}$/u.test(raw)) {
        // "U.S." may end a sentence: if the next word is capitalised and not a name part, assume it does.
        opens = false;
      }
    } else {
      tokens.push({ text: raw, isWord: false, capitalised: false, opensSentence: false, allCaps: false });
      if (/^[.!?:;]$/.test(raw)) opens = true;
      else if (/^[“«(\[]$/.test(raw) || (/^["']$/.test(raw) && (before === 32 || before === 10 || before === 9))) opens = true;
    }
  }
  return tokens;
}
