import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { escapeMarkdownParagraphs, escapeMarkdownText } from "../../../src/importer/escape-markdown.js";

const md = new MarkdownIt({ html: false });

/** The text a reader sees: rendered HTML with tags removed and entities decoded. */
function shownText(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}

const CASES = [
  "# Not a heading",
  "## Still not",
  "1. Not a list",
  "2) Nor this",
  "> not a quote",
  "- not a bullet",
  "* not a bullet",
  "+ not a bullet",
  "---",
  "===",
  "***",
  "___",
  "the_snake_case and *stars* and **bold** and __under__",
  "a `code` span and ``double``",
  "<b>bold</b> <script>alert(1)</script> <https://example.com>",
  "[a link](https://example.com) and ![img](x.png) and [ref]",
  "back\\slash at the end\\",
  "&amp; &copy; &#169; &#x41; & done",
  "| a | b |",
  "~~struck~~ and ~one~",
  "€2 espresso — “quotes” ‘single’ «guillemets»",
  "100. Big number list",
  "Term: definition {{ liquid }} {% tag %}",
];

describe("escapeMarkdownText", () => {
  it.each(CASES)("shows %j exactly as written", (text) => {
    expect(shownText(escapeMarkdownText(text))).toBe(text);
  });

  it("keeps paragraphs apart", () => {
    const html = md.render(escapeMarkdownParagraphs(["# One", "- Two"]));
    expect(html).toBe("<p># One</p>\n<p>- Two</p>\n");
  });

  it("round-trips any printable ASCII line", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,40}[\x21-\x7e])?$/), (text) => {
        expect(shownText(escapeMarkdownText(text))).toBe(text.replace(/\s+/g, " "));
      }),
      { numRuns: 500 },
    );
  });
});
