import { createHash } from "node:crypto";
import { parseDay, type ArticleDate } from "../dates.js";
import { isCreditLine } from "../entities/clean-text.js";

/**
 * Reads a raw news file as users bring them: a first line ` date YYYY-MM-DD` (the first paragraph
 * may run on after the date), then paragraphs separated by blank lines, single newlines, or a
 * 4-space indent under hard-wrapped lines. Accepts a byte-order mark, CRLF, stray spaces and curly
 * quotes and keeps the text's own characters.
 */
export interface RawArticle {
  /** The file as given to the importer (used in messages and in `imported.from`). */
  readonly file: string;
  readonly date: ArticleDate;
  /** Story paragraphs, each on one line, credit lines excluded. */
  readonly paragraphs: readonly string[];
  /** Trailing "Reporting by …; Editing by …" lines: shown on the page, never searched for names. */
  readonly credits: readonly string[];
  /** Story text for entity finding: paragraphs joined by blank lines, without credits. */
  readonly storyText: string;
  /** Hex SHA-256 of the raw bytes, for idempotent re-imports. */
  readonly sha256: string;
}

export type RawArticleRule = "encoding" | "date-line" | "date" | "empty-body";

/** A raw file the importer cannot read: names the file, the line, what was found and what was expected. */
export class RawArticleError extends Error {
  override readonly name = "RawArticleError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly rule: RawArticleRule,
    readonly actual: string,
    readonly expected: string,
  ) {
    super(`${file}:${line}:${column}  error  ${expected}; got ${actual}  raw-article:${rule}`);
  }
}

const SIGN_OFF_LINE = /^\s*(?:REUTER|Reuter|REUTERS)\s*$/;
const DATE_LINE = /^([ \t]*)date([ \t]+)(\S+)(?:[ \t]+(.*))?$/i;

export function parseRawArticle(input: string | Uint8Array, file: string): RawArticle {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  // Control characters are never news text: a form feed or vertical tab (page breaks of old
  // exports) separates like a line break, the rest (NUL, escape codes, C1) are dropped, so a
  // paragraph of nothing but them is empty here just as the article schema would find it.
  const text = decodeUtf8(bytes, file)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u000B\u000C]/g, "\n")
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, "");
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  const match = DATE_LINE.exec(first);
  if (!match) {
    throw new RawArticleError(file, 1, 1, "date-line", JSON.stringify(shorten(first)), "the first line must be ` date YYYY-MM-DD`");
  }
  const dateText = match[3] ?? "";
  const column = (match[1]?.length ?? 0) + 4 + (match[2]?.length ?? 0) + 1;
  const date = parseDay(dateText);
  if (!date) {
    const expected = /^\d{4}-\d{2}-\d{2}$/.test(dateText)
      ? "the date must be a real calendar day like 2024-04-11"
      : "the date must be written YYYY-MM-DD, like 2024-04-11";
    throw new RawArticleError(file, 1, column, "date", JSON.stringify(dateText), expected);
  }
  const bodyLines = [match[4] ?? "", ...lines.slice(1)];
  const paragraphs = splitParagraphs(bodyLines);
  if (paragraphs.length === 0) {
    throw new RawArticleError(file, 2, 1, "empty-body", "no text after the date line", "the article text must follow the date");
  }
  let storyEnd = paragraphs.length;
  while (storyEnd > 0 && isCreditLine(paragraphs[storyEnd - 1]!)) storyEnd--;
  const story = paragraphs.slice(0, storyEnd);
  if (story.length === 0) {
    throw new RawArticleError(file, 2, 1, "empty-body", "only credit lines", "the article text must follow the date");
  }
  return {
    file,
    date,
    paragraphs: story,
    credits: paragraphs.slice(storyEnd),
    storyText: story.join("\n\n"),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/**
 * Paragraphs are separated by blank lines. A block without blank lines is either hard-wrapped
 * (continuation lines, new paragraphs marked by an indent) or one paragraph per line.
 */
function splitParagraphs(lines: readonly string[]): string[] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === "") blocks.push([]);
    else blocks[blocks.length - 1]!.push(line.replace(/\s+$/, ""));
  }
  const paragraphs: string[] = [];
  const hasBlankSeparators = blocks.filter((b) => b.length > 0).length > 1;
  for (const block of blocks) {
    if (block.length === 0) continue;
    const indented = block.slice(1).some((l) => /^(?: {2,}|\t)\S/.test(l));
    if (indented) {
      // Wire layout: an indented line opens a paragraph, others continue it.
      let current: string[] = [];
      for (const line of block) {
        if ((/^(?: {2,}|\t)\S/.test(line) || SIGN_OFF_LINE.test(line)) && current.length > 0) {
          paragraphs.push(joinLines(current));
          current = [];
        }
        current.push(line);
      }
      if (current.length > 0) paragraphs.push(joinLines(current));
    } else if (hasBlankSeparators || block.length === 1) {
      paragraphs.push(joinLines(block));
    } else {
      // No blank line anywhere: one paragraph per line.
      for (const line of block) paragraphs.push(joinLines([line]));
    }
  }
  return paragraphs.filter((p) => p.length > 0);
}

function joinLines(lines: readonly string[]): string {
  return lines
    .map((l) => l.trim())
    .join(" ")
    .replace(/[ \t\u00A0]{2,}/g, " ")
    .trim();
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const found = `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0").toUpperCase()} that is not valid UTF-8`;
    throw new RawArticleError(file, line, offset - lineStart + 1, "encoding", found, "the file must be UTF-8 text (save it as UTF-8)");
  }
}

/** Offset of the first byte that breaks UTF-8 (the decoder only says that one does). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function shorten(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + "…" : text;
}
