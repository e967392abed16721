/**
 * Raw news text is text, not Markdown. `escapeMarkdownText` backslash-escapes everything markdown-it
 * would read as syntax, so the rendered page shows exactly the journalist's characters: emphasis and
 * code marks, links and images, raw HTML and autolinks, entities, strikethrough, tables, and at the
 * start of a line headings, lists, block quotes, thematic breaks and setext underlines.
 */

/** Punctuation escaped wherever it stands. */
const INLINE = /[\\`*_[\]<>&~|]/g;

/** Escapes one paragraph (a single line; leading and trailing spaces are dropped). */
export function escapeMarkdownText(paragraph: string): string {
  const text = paragraph.replace(/\s+/g, " ").trim();
  let escaped = text.replace(INLINE, (ch) => "\\" + ch);
  // Block syntax at the start of the line: "# ", "- ", "+ ", "= ", "1. ", "1) ".
  escaped = escaped.replace(/^([#+=-])/, "\\$1").replace(/^(\d{1,9})([.)])/, "$1\\$2");
  return escaped;
}

/** Escapes paragraphs and joins them with blank lines: a Markdown body. */
export function escapeMarkdownParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map(escapeMarkdownText).join("\n\n");
}
