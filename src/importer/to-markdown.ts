import { Document } from "yaml";

/**
 * Renders an imported article as a Markdown file: YAML front-matter the build accepts, then the
 * escaped body. Every string is written double-quoted, so any title (quotes, colons, `#`, `---`,
 * a leading `@`, "yes", "2024-04-11") stays a string when gray-matter reads it back.
 */
export interface ImportedArticle {
  readonly title: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly summary: string;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly tags: readonly string[];
  /** Markdown body (already escaped). */
  readonly body: string;
  readonly imported: { readonly from: string; readonly sha256: string };
}

export function renderArticleMarkdown(article: ImportedArticle): string {
  const data = {
    title: article.title,
    date: article.date,
    summary: article.summary,
    people: [...article.people],
    places: [...article.places],
    tags: [...article.tags],
    imported: { from: article.imported.from, sha256: article.imported.sha256 },
  };
  const doc = new Document(data);
  const frontMatter = doc.toString({
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
    lineWidth: 0,
    flowCollectionPadding: false,
  });
  return `---\n${frontMatter}---\n\n${article.body.trim()}\n`;
}
