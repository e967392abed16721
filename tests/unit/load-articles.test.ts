import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listArticleFiles, loadArticles, parseArticle } from "../../src/load-articles.js";
import { createMarkdown } from "../../src/markdown.js";

const md = createMarkdown();
let project: string;
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), "dateline-load-"));
});
afterEach(() => rm(project, { recursive: true, force: true }));

async function write(files: Record<string, string | Uint8Array>): Promise<string> {
  const content = join(project, "content");
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(content, path, ".."), { recursive: true });
    await writeFile(join(content, path), text);
  }
  return content;
}

describe("parseArticle", () => {
  it("validates, renders the body, and takes the excerpt from the summary or the body", () => {
    const withSummary = parseArticle("---\ntitle: T\ndate: 2024-04-11\nsummary: The short version.\n---\nThe *body* text.\n", "content/t.md", md);
    expect(withSummary.ok && [withSummary.article.file, withSummary.article.body.html, withSummary.article.excerpt, withSummary.article.wordCount]).toEqual([
      "content/t.md",
      "<p>The <em>body</em> text.</p>\n",
      "The short version.",
      3,
    ]);
    const withoutSummary = parseArticle("---\ntitle: T\ndate: 2024-04-11\n---\nFirst sentence. Second one.\n", "content/t.md", md);
    expect(withoutSummary.ok && withoutSummary.article.excerpt).toBe("First sentence. Second one.");
  });

  it("returns the issues of a bad file instead of throwing", () => {
    const result = parseArticle("---\ntitle: T\ndate: 2024-02-30\n---\n", "content/t.md", md);
    expect(result.ok ? [] : result.issues.map((i) => i.ruleId)).toEqual(["article-schema:date"]);
  });
});

describe("listArticleFiles and loadArticles", () => {
  it("reads .md files only, skipping _ and . files and folders, in path order", async () => {
    const content = await write({
      "2024/b.md": "x",
      "2024/a.md": "x",
      "_drafts/c.md": "x",
      ".hidden/d.md": "x",
      "2024/_partial.md": "x",
      "2024/notes.txt": "x",
      "site.yaml": "title: X",
    });
    expect((await listArticleFiles(content)).map((f) => f.slice(content.length + 1))).toEqual(["2024/a.md", "2024/b.md"]);
  });

  it("collects every problem in every file, names files from the project folder, and counts drafts", async () => {
    const content = await write({
      "2024/good.md": "---\ntitle: Good\ndate: 2024-04-11\n---\nBody.\n",
      "2024/draft.md": "---\ntitle: Draft\ndate: 2024-04-12\ndraft: true\n---\nBody.\n",
      "2024/bad-date.md": "---\ntitle: Bad\ndate: 2024-13-01\n---\n",
      "2024/no-title.md": "---\ndate: 2024-04-11\ntag: x\n---\n",
      "2024/latin1.md": new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
    });
    const result = await loadArticles(content, md, { displayRoot: project });
    expect(result.articles.map((a) => a.title)).toEqual(["Good"]);
    expect(result.drafts).toBe(1);
    expect(result.errors.map((e) => [e.file, e.ruleId])).toEqual([
      ["content/2024/bad-date.md", "article-schema:date"],
      ["content/2024/latin1.md", "front-matter:encoding"],
      ["content/2024/no-title.md", "article-schema:title"],
    ]);
    expect(result.warnings.map((w) => [w.file, w.ruleId])).toEqual([["content/2024/no-title.md", "article-schema:unknown-field"]]);

    const withDrafts = await loadArticles(content, md, { displayRoot: project, includeDrafts: true });
    expect(withDrafts.articles.map((a) => a.title)).toEqual(["Draft", "Good"]);
    expect(withDrafts.drafts).toBe(0);
  });
});
