import { endsWithAbbreviation, splitSentences } from "./sentences.js";

/**
 * Titles and summaries for raw articles, which have neither. The title is the opening sentence,
 * cut at a word boundary to at most about 90 characters, without trailing punctuation; the summary
 * is the first sentence or two, at most about 300 characters. Both are ordinary front-matter fields
 * that users may edit afterwards.
 */
export const TITLE_MAX = 90;
export const SUMMARY_MAX = 300;

/** A wire dateline ("BRUSSELS -", "ATHENS, March 28 -") is not part of the headline. */
const DATELINE = /^\p{Lu}[\p{Lu}.'’ -]*\p{Lu}(?:,[ \t]*\p{Lu}[\p{L}.]*[ \t]*\d{0,2})?(?:[ \t]*\([^)]{1,40}\))?[ \t]+[-–—]{1,2}[ \t]+/u;

const DANGLING = new Set(
  ("a an the and or but nor of to in on at by for with from as than that which who whose while its his her their " +
    "our your is are was were be been has have had will would said says told").split(" "),
);

export function deriveTitle(body: string): string {
  const first = openingSentence(body);
  if (first === "") return "Untitled";
  let title = first;
  if (title.length > TITLE_MAX) title = cutAtWord(title, TITLE_MAX);
  title = balanceQuotes(dropTrailing(title));
  return title === "" ? "Untitled" : title;
}

export function deriveSummary(body: string): string {
  const sentences = splitSentences(stripDateline(firstParagraph(body)));
  const first = sentences[0] ?? "";
  if (first.length > SUMMARY_MAX) return cutAtWord(first, SUMMARY_MAX - 1).replace(/[\s,;:–—-]+$/, "") + "…";
  const second = sentences[1];
  if (second && first.length < 160 && first.length + 1 + second.length <= SUMMARY_MAX) return `${first} ${second}`;
  return first;
}

function openingSentence(body: string): string {
  return splitSentences(stripDateline(firstParagraph(body)))[0] ?? "";
}

function firstParagraph(body: string): string {
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim());
  return paragraphs.find((p) => p !== "") ?? "";
}

function stripDateline(paragraph: string): string {
  const stripped = paragraph.replace(DATELINE, "");
  return stripped === "" ? paragraph : stripped;
}

/** The longest prefix of whole words within `max` characters (never cuts inside a word). */
function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  if (space <= 0) return text.slice(0, max); // one very long word: nothing better to do
  return dropDangling(cut.slice(0, space).trim());
}

/** Drops small words a cut left hanging ("… and", "… the"), keeping at least three words. */
function dropDangling(text: string): string {
  let words = text.split(" ");
  while (words.length > 3 && DANGLING.has(words[words.length - 1]!.toLowerCase().replace(/[^\p{L}]/gu, ""))) words = words.slice(0, -1);
  return words.join(" ");
}

const TRAILING_PUNCTUATION = /[\s.,;:!?…–—-]+$/u;
const CLOSING_MARKS = /["”’'»)]+$/u;

/**
 * Sentence punctuation off the end, also inside closing quotes (`Israel.”` → `Israel”`), except
 * the dot of an abbreviation the title ends on ("U.S." stays "U.S.").
 */
function dropTrailing(text: string): string {
  const outer = dropPunctuation(text);
  const closing = CLOSING_MARKS.exec(outer)?.[0] ?? "";
  if (closing === "" || closing.length === outer.length) return outer;
  return dropPunctuation(outer.slice(0, -closing.length)) + closing;
}

function dropPunctuation(text: string): string {
  const trimmed = text.replace(TRAILING_PUNCTUATION, "");
  const cut = text.slice(trimmed.length);
  // "…in the U.S." and "…in the U.S.," keep the abbreviation's own dot.
  if (cut.startsWith(".") && endsWithAbbreviation(trimmed + ".")) return trimmed + ".";
  return trimmed.trim();
}

/** A cut may leave a quotation open; end the title before it, or close it when that leaves too little. */
function balanceQuotes(title: string): string {
  const opens = (title.match(/“/g) ?? []).length;
  const closes = (title.match(/”/g) ?? []).length;
  const straight = (title.match(/"/g) ?? []).length;
  if (opens > closes) {
    const at = title.lastIndexOf("“");
    const before = dropTrailing(dropDangling(dropTrailing(title.slice(0, at))));
    return before.length >= 30 ? before : title + "”";
  }
  if (straight % 2 === 1) {
    const at = title.lastIndexOf('"');
    const before = dropTrailing(dropDangling(dropTrailing(title.slice(0, at))));
    return before.length >= 30 ? before : title + '"';
  }
  return title;
}
