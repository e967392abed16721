import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleData, TaxonomyKind } from "../../src/article.js";
import { validateArticle } from "../../src/article-schema.js";
import { yearOf } from "../../src/dates.js";
import { readArticleSource } from "../../src/front-matter.js";
import { DEFAULT_SETTINGS, loadSettings } from "../../src/settings.js";
import { buildTaxonomy } from "../../src/taxonomy.js";
import { REPO_DIR, SAMPLE_CONTENT_DIR } from "../helpers/build-fixture.js";

/**
 * Issue 3 asks the shipped `content/` to show every kind of page: more than one front page at the
 * default 20 a page, at least three years, and ten people, places and tags each shared by two or
 * more published articles. Adding or removing a sample article can quietly break that.
 */

let published: ArticleData[];

beforeAll(async () => {
  const files = (await readdir(SAMPLE_CONTENT_DIR, { recursive: true })).filter((f) => f.endsWith(".md")).sort();
  published = [];
  for (const file of files) {
    const display = relative(REPO_DIR, join(SAMPLE_CONTENT_DIR, file));
    const source = readArticleSource(await readFile(join(SAMPLE_CONTENT_DIR, file), "utf8"), display);
    expect(source.issues, display).toEqual([]);
    const result = validateArticle(source.data, display, source.fieldLines);
    if (!result.ok) throw new Error(`${display} does not validate: ${JSON.stringify(result.issues)}`);
    if (!result.data.draft) published.push(result.data);
  }
});

describe("the shipped sample content (issue 3)", () => {
  it("keeps the default of 20 articles a page and has more than 20 published articles", async () => {
    const settings = await loadSettings(SAMPLE_CONTENT_DIR);
    expect(DEFAULT_SETTINGS.perPage).toBe(20);
    expect(settings.perPage).toBe(20);
    expect(published.length).toBeGreaterThan(settings.perPage);
  });

  it("spans at least three years", () => {
    expect(new Set(published.map((a) => yearOf(a.date))).size).toBeGreaterThanOrEqual(3);
  });

  it.each<TaxonomyKind>(["people", "places", "tags"])("has at least ten %s each in two or more published articles", (kind) => {
    const shared = buildTaxonomy(kind, published, (a) => a[kind]).terms.filter((t) => t.articles.length >= 2);
    expect(shared.length, shared.map((t) => t.label).join(", ")).toBeGreaterThanOrEqual(10);
  });
});
