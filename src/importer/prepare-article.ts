import { extractEntities } from "../entities/extract.js";
import { slugify } from "../slugs.js";
import { escapeMarkdownParagraphs } from "./escape-markdown.js";
import { deriveSummary, deriveTitle } from "./headline.js";
import { parseRawArticle, RawArticleError } from "./raw-article.js";

/**
 * Everything the importer does to one raw file that needs no knowledge of the rest of the batch:
 * read, derive title and summary, find people and places, escape the body. Runs in worker threads.
 */
export interface PreparedArticle {
  readonly ok: true;
  readonly file: string;
  readonly day: string;
  readonly slug: string;
  readonly sha256: string;
  readonly title: string;
  readonly summary: string;
  readonly people: string[];
  readonly places: string[];
  readonly body: string;
}

export interface PreparationFailure {
  readonly ok: false;
  readonly file: string;
  readonly reason: string;
}

export type Preparation = PreparedArticle | PreparationFailure;

export function prepareArticle(bytes: Uint8Array, file: string): Preparation {
  try {
    const raw = parseRawArticle(bytes, file);
    const title = deriveTitle(raw.storyText);
    const found = extractEntities(raw.storyText);
    return {
      ok: true,
      file,
      day: raw.date.day,
      slug: slugify(title),
      sha256: raw.sha256,
      title,
      summary: deriveSummary(raw.storyText),
      people: found.people,
      places: found.places,
      body: escapeMarkdownParagraphs([...raw.paragraphs, ...raw.credits]),
    };
  } catch (error) {
    if (error instanceof RawArticleError) return { ok: false, file, reason: error.message };
    return { ok: false, file, reason: `${file}:1:1  error  ${(error as Error).message}  import:internal` };
  }
}
