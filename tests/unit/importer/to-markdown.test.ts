import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { renderArticleMarkdown, type ImportedArticle } from "../../../src/importer/to-markdown.js";

const base: ImportedArticle = {
  title: "A title",
  date: "2024-04-11",
  summary: "A summary.",
  people: ["Antony Blinken"],
  places: ["United States"],
  tags: ["wire"],
  body: "Body text.",
  imported: { from: "sample.txt", sha256: "a".repeat(64) },
};

const NASTY_TITLES = [
  'He said "no": the end',
  "# not a comment",
  "--- three dashes",
  "@handle starts it",
  "yes",
  "No",
  "2024-04-11",
  "12:30",
  "null",
  "~",
  "'single' and \"double\"",
  "colon: and # hash",
  "tab\there",
  "back\\slash",
  "Ünïcödé — “curly” ‘quotes’",
  "[brackets] {braces} & *stars* | pipes >",
];

describe("renderArticleMarkdown", () => {
  it("writes front-matter then the body", () => {
    const text = renderArticleMarkdown(base);
    expect(text.startsWith("---\n")).toBe(true);
    expect(text).toContain('date: "2024-04-11"');
    expect(text.endsWith("\n\nBody text.\n")).toBe(true);
  });

  it.each(NASTY_TITLES)("gray-matter reads back title %j exactly", (title) => {
    const parsed = matter(renderArticleMarkdown({ ...base, title, summary: title, people: [title], tags: [] }));
    expect(parsed.data).toEqual({
      title,
      date: "2024-04-11",
      summary: title,
      people: [title],
      places: ["United States"],
      tags: [],
      imported: { from: "sample.txt", sha256: "a".repeat(64) },
    });
    expect(parsed.content.trim()).toBe("Body text.");
  });
});
