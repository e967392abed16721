import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { MarkdownIt } from "markdown-it";
import type { Article } from "./article.js";
import { validateArticle } from "./article-schema.js";
import type { Issue } from "./errors.js";
import { readArticleSource } from "./front-matter.js";
import { leadFromText, renderBody } from "./markdown.js";

/**
 * Reads every article under the content folder. Files and folders whose names start with `_` or
 * `.` are not articles (drafts folders, data, editor files); neither are non-Markdown files.
 */
export async function listArticleFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = relative(contentDir, path);
    if (rel.split(sep).some((part) => part.startsWith("_") || part.startsWith(".")) || rel.startsWith("node_modules")) continue;
    files.push(path);
  }
  return files.sort();
}

export type ParsedArticle = { ok: true; article: Article; warnings: Issue[] } | { ok: false; issues: Issue[] };

const EXCERPT_LENGTH = 280;

/** Parses, validates and renders one article. Pure: text in, article or issues out. */
export function parseArticle(text: string, file: string, md: MarkdownIt): ParsedArticle {
  const source = readArticleSource(text, file);
  if (source.issues.length > 0) return { ok: false, issues: [...source.issues] };
  const validated = validateArticle(source.data, file, source.fieldLines);
  if (!validated.ok) return { ok: false, issues: validated.issues };
  const rendered = renderBody(md, source.body);
  const data = validated.data;
  return {
    ok: true,
    warnings: validated.warnings,
    article: {
      ...data,
      file,
      bodyHtml: rendered.html,
      excerpt: data.summary ? leadFromText(data.summary, EXCERPT_LENGTH) : rendered.lead,
      wordCount: rendered.wordCount,
    },
  };
}

export interface LoadResult {
  readonly articles: Article[];
  readonly errors: Issue[];
  readonly warnings: Issue[];
  readonly drafts: number;
}

/**
 * Loads the whole archive and collects every problem in every file. `displayRoot` is what paths
 * in messages are relative to (the project folder), so they read `content/2024/x.md`.
 */
export async function loadArticles(
  contentDir: string,
  md: MarkdownIt,
  options: { includeDrafts?: boolean; displayRoot?: string } = {},
): Promise<LoadResult> {
  const files = await listArticleFiles(contentDir);
  const articles: Article[] = [];
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  let drafts = 0;
  const displayRoot = options.displayRoot ?? process.cwd();
  for (const path of files) {
    const display = relative(displayRoot, path).split(sep).join("/");
    const bytes = await readFile(path);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      errors.push({
        file: display,
        severity: "error",
        field: "",
        reason: "the file is not valid UTF-8 text; expected UTF-8 (re-save it as UTF-8 in your editor)",
        ruleId: "front-matter:encoding",
      });
      continue;
    }
    const parsed = parseArticle(text, display, md);
    if (!parsed.ok) {
      for (const issue of parsed.issues) (issue.severity === "error" ? errors : warnings).push(issue);
      continue;
    }
    warnings.push(...parsed.warnings);
    if (parsed.article.draft && !options.includeDrafts) {
      drafts++;
      continue;
    }
    articles.push(parsed.article);
  }
  return { articles, errors, warnings, drafts };
}
