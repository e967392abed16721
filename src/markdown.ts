import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import { isSafeLinkUrl } from "./urls.js";

/**
 * Dateline's one markdown-it instance. Article text is untrusted: raw HTML is off (`<iframe>` shows
 * as text), only http(s) and relative links are followed, and nothing is linkified by guesswork.
 */
export function createMarkdown(): MarkdownIt {
  const md = markdownIt("default", { html: false, linkify: false, typographer: false });
  const defaultValidate = md.validateLink.bind(md);
  md.validateLink = (url: string) => defaultValidate(url) && isSafeLinkUrl(url);
  // Links in a news archive lead away from it: keep referrers private and say so.
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    const href = String(token.attrGet("href") ?? "");
    if (/^https?:\/\//i.test(href)) token.attrSet("rel", "noopener noreferrer");
    return self.renderToken(tokens, index, options);
  };
  return md;
}

export interface RenderedBody {
  readonly html: string;
  /** The first sentences of the body as plain text, at most `leadLength` characters. */
  readonly lead: string;
  readonly wordCount: number;
}

const LEAD_LENGTH = 280;

/** Renders a body once, and takes its plain-text lead from the same parse. */
export function renderBody(md: MarkdownIt, body: string): RenderedBody {
  const env = {};
  const tokens = md.parse(body, env);
  const html = md.renderer.render(tokens, md.options, env);
  const paragraphs: string[] = [];
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "inline") continue;
    const text = inlineText(token);
    words += countWords(text);
    if (tokens[i - 1]?.type === "paragraph_open" && paragraphs.join(" ").length < LEAD_LENGTH) paragraphs.push(text);
  }
  return { html, lead: leadFromText(paragraphs.join(" "), LEAD_LENGTH), wordCount: words };
}

function inlineText(token: Token): string {
  let text = "";
  for (const child of token.children ?? []) {
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
    else if (child.type === "image") text += child.content;
  }
  return text;
}

/** Runs of non-space characters, as `/\S+/g` would find them, counted without making them. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code < 128 ? code === 32 || (code >= 9 && code <= 13) : WHITESPACE.test(text[i]!);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
const WHITESPACE = /\s/;

/**
 * The first whole sentences of a text that fit in `max` characters; one sentence cut at a word
 * boundary (with an ellipsis) when even the first is too long.
 */
export function leadFromText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const sentenceEnd = /[.!?]["'”’)]?\s/g;
  let cut = -1;
  for (let m = sentenceEnd.exec(clean); m && m.index < max; m = sentenceEnd.exec(clean)) {
    cut = m.index + m[0].length - 1;
  }
  if (cut > 40) return clean.slice(0, cut).trim();
  const slice = clean.slice(0, max - 1);
  const space = slice.lastIndexOf(" ");
  return (space > 40 ? slice.slice(0, space) : slice).replace(/[\s,;:.!?-]+$/, "") + "…";
}
