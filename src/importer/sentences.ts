/**
 * Sentence boundaries for titles and summaries. A full stop ends a sentence unless it closes an
 * abbreviation ("Mr.", "U.S.", "Jan.", "No. 5") or an initial ("George W. Bush").
 */
const ABBREVIATIONS = new Set(
  ("mr mrs ms dr prof sen rep gov gen lt col capt sgt maj adm cmdr rev fr st mt ft jr sr no nos vs inc corp co " +
    "ltd bros dept est approx jan feb mar apr jun jul aug sep sept oct nov dec calif mass fla tex ill pa va md " +
    "ga mich conn wash ore ariz colo minn wis tenn ky la ala okla nev neb kan ind ark vt mont wyo").split(" "),
);

/** Splits a paragraph into sentences, keeping each sentence's own characters. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?]+)(["”’')\]]*)(\s+)(?=["“‘'(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[1]!.length + match[2]!.length;
    const dot = match.index ?? 0;
    if (match[1] === "." && match[2] === "" && isAbbreviationBefore(paragraph, dot, paragraph.charAt(end + match[3]!.length))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end + match[3]!.length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * True when the full stop ending `text` belongs to its last word ("U.S.", "W.", "Calif.", "Jr."),
 * so a title ending there keeps it. Only capitalised words count: "fell ill." ends a sentence.
 */
export function endsWithAbbreviation(text: string): boolean {
  if (!text.endsWith(".")) return false;
  const word = /([\p{L}.]+)\.$/u.exec(text)?.[1] ?? "";
  if (!/^\p{Lu}/u.test(word) || /^nos?$/i.test(word)) return false;
  return isAbbreviationBefore(text, text.length - 1, "");
}

function isAbbreviationBefore(text: string, dotIndex: number, nextChar: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 20), dotIndex))?.[1] ?? "";
  if (word === "") return false;
  if (/^\p{Lu}$/u.test(word)) return true; // initial: "W."
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "O.J"
  const lower = word.toLowerCase();
  if (lower === "no" || lower === "nos") return /\d/.test(nextChar); // "No. 5", but "said no. More"
  return ABBREVIATIONS.has(lower);
}
