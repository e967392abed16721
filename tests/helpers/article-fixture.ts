import type { Article } from "../../src/article.js";
import { textHash } from "../../src/part-hash.js";
import { slugify } from "../../src/slugs.js";

/**
 * An article made in a test rather than parsed from a file: its content hash (what a parsed
 * article gets from its file's text) is derived from its fields, so two fixtures differ in it
 * exactly when they differ in content.
 */
export function articleFixture(fields: Omit<Article, "contentHash" | "titleSlug">): Article {
  const { file: _file, ...content } = fields;
  return { ...fields, contentHash: textHash(JSON.stringify(content)), titleSlug: slugify(fields.title) };
}
