import { describe, expect, it } from "vitest";
import { parseRawArticle, RawArticleError } from "../../../src/importer/raw-article.js";

function errorOf(input: string | Uint8Array, file = "raw/x.txt"): RawArticleError {
  try {
    parseRawArticle(input, file);
  } catch (error) {
    if (error instanceof RawArticleError) return error;
    throw error;
  }
  throw new Error("expected a RawArticleError");
}

describe("parseRawArticle", () => {
  it("reads a date line with the first paragraph running on", () => {
    const a = parseRawArticle(" date 2024-04-11 First paragraph here.\n\nSecond one.\n", "a.txt");
    expect(a.date.day).toBe("2024-04-11");
    expect(a.paragraphs).toEqual(["First paragraph here.", "Second one."]);
  });

  it("accepts a missing leading space, a BOM, CRLF and stray spaces", () => {
    const a = parseRawArticle("\uFEFFdate 2020-01-02\r\n\r\n  One   two \r\n three.  \r\n\r\n\r\nFour.\r\n", "a.txt");
    expect(a.paragraphs).toEqual(["One two three.", "Four."]);
  });

  it("keeps curly quotes and accents as written", () => {
    const a = parseRawArticle(" date 2020-01-02\n\n“Ça va,” said José.\n", "a.txt");
    expect(a.paragraphs[0]).toBe("“Ça va,” said José.");
  });

  it("splits single-newline paragraphs when there is no blank line", () => {
    const a = parseRawArticle(" date 2020-01-02\nOne.\nTwo.\nThree.\n", "a.txt");
    expect(a.paragraphs).toEqual(["One.", "Two.", "Three."]);
  });

  it("joins hard-wrapped wire text, new paragraphs marked by a 4-space indent", () => {
    const a = parseRawArticle(" date 1987-03-20\n    Bank said it\nwould act.\n    Minister said\nno.\n Reuter\n", "a.txt");
    expect(a.paragraphs).toEqual(["Bank said it would act.", "Minister said no.", "Reuter"]);
  });

  it("keeps trailing credit lines apart from the story", () => {
    const a = parseRawArticle(" date 2020-01-02\n\nStory.\n\nReporting by Ann Lee; Editing by Bo Chan\n", "a.txt");
    expect(a.paragraphs).toEqual(["Story."]);
    expect(a.credits).toEqual(["Reporting by Ann Lee; Editing by Bo Chan"]);
    expect(a.storyText).not.toContain("Ann Lee");
  });

  it("hashes the raw bytes", () => {
    const a = parseRawArticle(Buffer.from(" date 2020-01-02 x\n"), "a.txt");
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parseRawArticle(" date 2020-01-02 x\r\n", "a.txt").sha256).not.toBe(a.sha256);
  });

  it("rejects an impossible date with file, line, column, found and expected", () => {
    const e = errorOf(" date 2024-02-30 Text.\n", "raw/bad.txt");
    expect(e.rule).toBe("date");
    expect(e.message).toBe('raw/bad.txt:1:7  error  the date must be a real calendar day like 2024-04-11; got "2024-02-30"  raw-article:date');
  });

  it("rejects a date in another format", () => {
    expect(errorOf(" date 11 April 2024\n\nText.\n").expected).toMatch(/YYYY-MM-DD/);
  });

  it("rejects a file without a date line", () => {
    const e = errorOf("The harbour reopened.\n");
    expect(e.rule).toBe("date-line");
    expect(e.line).toBe(1);
    expect(e.actual).toBe('"The harbour reopened."');
  });

  it("rejects invalid UTF-8 and says where", () => {
    const e = errorOf(Buffer.from([0x20, 0x64, 0x61, 0x74, 0x65, 0x20, 0x0a, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(e.rule).toBe("encoding");
    expect(e.line).toBe(3);
    expect(e.column).toBe(4);
    expect(e.actual).toContain("0xE9");
  });

  it("rejects an empty body", () => {
    expect(errorOf(" date 2020-01-01\n\n   \n").rule).toBe("empty-body");
    expect(errorOf(" date 2020-01-01").rule).toBe("empty-body");
  });
});
