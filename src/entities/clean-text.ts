/**
 * Prepares article text for entity finding: drops a leading ` date YYYY-MM-DD` line, takes a wire
 * dateline ("BRUSSELS -", "ATHENS, March 28 -") off the first paragraph, and drops the Reuters
 * sign-off, credit lines ("Reporting by …; Editing by …") and pasted source lists, whose names are
 * not the article's.
 */
export interface CleanedText {
  /** The text left to search. */
  readonly text: string;
  /** Place named by the dateline, as written ("BRUSSELS"), or null. */
  readonly dateline: string | null;
}

const DATE_LINE = /^\uFEFF?[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*/;
const DATELINE =
  /^[ \t]*((?:\p{Lu}[\p{Lu}.'’-]*)(?:[ \t]+\p{Lu}[\p{Lu}.'’-]*){0,3})(?:,[ \t]*(?:\p{Lu}[\p{L}.]*[ \t]*)+\d{0,2})?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]+[-–—]{1,2}[ \t]+/u;
const SIGN_OFF = /(?:^|\n)[ \t]*(?:REUTER|Reuter|REUTERS|Reuters)[ \t]*\.?[ \t]*(?:\n|$)/g;
const TRAILING_SIGN_OFF = /\s+(?:REUTER|Reuter)\s*$/;
const CREDIT_LINE = /^[ \t(]*(?:\(?(?:Reporting|Additional reporting|Writing|Editing|Compiled|Edited|Written)\s+by\b)[^\n]*$/gim;

/** True for a line that credits reporters and editors rather than telling the story. */
export function isCreditLine(line: string): boolean {
  return /^[ \t(]*(?:Reporting|Additional reporting|Writing|Editing|Compiled|Edited|Written)\s+by\b/i.test(line);
}

export function cleanArticleText(input: string): CleanedText {
  let text = input.replace(/\r\n?/g, "\n").replace(DATE_LINE, "");
  text = text.replace(CREDIT_LINE, "").replace(SIGN_OFF, "\n").replace(TRAILING_SIGN_OFF, "");
  const lead = /^\s*/.exec(text)?.[0] ?? "";
  const rest = text.slice(lead.length);
  const match = DATELINE.exec(rest);
  let dateline: string | null = null;
  if (match && match[1] && /\p{Lu}{2}/u.test(match[1])) {
    dateline = match[1];
    text = lead + rest.slice(match[0].length);
  }
  return { text, dateline };
}
