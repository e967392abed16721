import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { MarkdownIt } from "markdown-it";
import type { Article } from "./article.js";
import { hashBytes, type ArticleCache } from "./build-cache/article-cache.js";
import { textHash } from "./part-hash.js";
import { slugify } from "./slugs.js";
import { validateArticle } from "./article-schema.js";
import type { Issue } from "./errors.js";
import { readArticleSource } from "./front-matter.js";
import { leadFromText, renderBody } from "./markdown.js";

/**
 * Reads every article under the content folder. Files and folders whose names start with `_` or
 * `.` are not articles (drafts folders, data, editor files); neither are non-Markdown files.
 */
export async function listArticleFiles(folder: string): Promise<string[]> {
  const contentDir = resolve(folder);
  // Synchronous: one walk, and the promise API's per-call overhead adds up over thousands of folders.
  const entries = readdirSync(contentDir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".md") || entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    // Folders are checked on the path below the content folder, as a string: one walk of 10,000 files.
    const folder = entry.parentPath.length > contentDir.length ? entry.parentPath.slice(contentDir.length + 1) : "";
    if (folder !== "" && (folder.startsWith("node_modules") || folder.split(sep).some((part) => part.startsWith("_") || part.startsWith(".")))) continue;
    files.push(folder === "" ? join(contentDir, entry.name) : `${entry.parentPath}${sep}${entry.name}`);
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
      contentHash: textHash(text),
      titleSlug: slugify(data.title),
      body: { html: rendered.html },
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
 * in messages are relative to (the project folder), so they read `content/2024/x.md`. With a
 * `cache`, unchanged files are not read or parsed again.
 */
export async function loadArticles(
  contentDir: string,
  md: MarkdownIt,
  options: { includeDrafts?: boolean; displayRoot?: string; cache?: ArticleCache; files?: readonly string[] } = {},
): Promise<LoadResult> {
  const files = options.files ?? (await listArticleFiles(contentDir));
  const articles: Article[] = [];
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  let drafts = 0;
  const displayRoot = options.displayRoot ?? process.cwd();
  const displays = files.map((path) => relative(displayRoot, path).split(sep).join("/"));
  // Reading is I/O-bound and parsing CPU-bound: keep a few reads in flight, then report in file order.
  const results = new Array<ParsedArticle | null>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await readOneArticle(files[i]!, displays[i]!, md, options.cache);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  for (let i = 0; i < files.length; i++) {
    const parsed = results[i];
    if (parsed === null || parsed === undefined) {
      errors.push({
        file: displays[i]!,
        severity: "error",
        field: "",
        reason: "the file is not valid UTF-8 text; expected UTF-8 (re-save it as UTF-8 in your editor)",
        ruleId: "front-matter:encoding",
      });
      continue;
    }
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

/** One file's parse result (null: not UTF-8), from the cache when its bytes are unchanged. */
async function readOneArticle(path: string, display: string, md: MarkdownIt, cache: ArticleCache | undefined): Promise<ParsedArticle | null> {
  let size = 0;
  let mtimeMs = 0;
  if (cache) {
    // Synchronous: a rebuild stats every article, and a promise-based stat costs many times the
    // system call (a trip through libuv's thread pool).
    const info = statSync(path);
    size = info.size;
    mtimeMs = info.mtimeMs;
    const known = cache.lookupByStat(display, size, mtimeMs);
    if (known) return known.parsed;
  }
  const bytes = await readFile(path);
  let hash = "";
  if (cache) {
    hash = hashBytes(bytes);
    const known = cache.lookupByHash(display, hash, size, mtimeMs);
    if (known) return known.parsed;
  }
  let text: string | null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  const parsed = text === null ? null : parseArticle(text, display, md);
  cache?.store(display, { size, mtimeMs, hash, parsed });
  return parsed;
}
