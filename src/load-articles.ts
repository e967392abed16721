import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import type { MarkdownIt } from "markdown-it";
import type { Article } from "./article.js";
import { stepReporter, type ProgressListener } from "./build-progress.js";
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

/** Parses articles somewhere else (the build's helper thread), as `parseArticleBytes` would here. */
export interface ArticleParser {
  parse(files: readonly { readonly display: string; readonly bytes: Uint8Array }[]): Promise<(ParsedArticle | null)[]>;
}

export interface LoadOptions {
  readonly includeDrafts?: boolean;
  readonly displayRoot?: string;
  readonly cache?: ArticleCache;
  /** The article files, when the caller has listed them already. */
  readonly files?: readonly string[];
  /** Shares the parsing of many changed files with another thread. */
  readonly parser?: ArticleParser;
  /** Told how many articles are read so far (the build's `read` step). */
  readonly onProgress?: ProgressListener;
}

/** A file that must be parsed: read, and not found in the cache by its bytes either. */
interface Unparsed {
  readonly index: number;
  readonly display: string;
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly mtimeMs: number;
  readonly hash: string;
}

/** Files parsed at a time, here or on the other thread. */
const PARSE_CHUNK = 25;
/** From how many files to parse the other thread is asked to help. */
const SHARED_PARSE = 200;
/** Articles read between progress reports. */
const PROGRESS_EVERY = 250;

/**
 * Loads the whole archive and collects every problem in every file. `displayRoot` is what paths
 * in messages are relative to (the project folder), so they read `content/2024/x.md`. With a
 * `cache`, unchanged files are not read or parsed again; with a `parser`, a big batch of changed
 * files (a first build) is parsed on two threads.
 */
export async function loadArticles(contentDir: string, md: MarkdownIt, options: LoadOptions = {}): Promise<LoadResult> {
  const files = options.files ?? (await listArticleFiles(contentDir));
  const articles: Article[] = [];
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  let drafts = 0;
  const displayRoot = options.displayRoot ?? process.cwd();
  const displays = files.map((path) => relative(displayRoot, path).split(sep).join("/"));
  // Reading is I/O-bound: a few reads stay in flight while the files read so far are parsed.
  // Everything is reported in file order.
  const results = new Array<ParsedArticle | null>(files.length);
  const toParse = new ParseQueue();
  const report = stepReporter(options.onProgress, "read", files.length, PROGRESS_EVERY);
  let settled = 0;
  report?.(0);
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const i = next++;
      const found = await readOneArticle(i, files[i]!, displays[i]!, options.cache);
      if ("bytes" in found) toParse.add(found);
      else {
        results[i] = found.parsed;
        report?.(++settled);
      }
    }
  };
  const reading = Promise.all(Array.from({ length: Math.min(16, files.length) }, reader)).finally(() => toParse.close());
  await Promise.all([
    reading,
    parseAll(toParse, md, options.parser, (file, parsed) => {
      results[file.index] = parsed;
      options.cache?.store(file.display, { size: file.size, mtimeMs: file.mtimeMs, hash: file.hash, parsed });
      report?.(++settled);
    }),
  ]);
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

/** One file's parse result (null: not UTF-8) from the cache, or its bytes to parse. */
async function readOneArticle(index: number, path: string, display: string, cache: ArticleCache | undefined): Promise<{ parsed: ParsedArticle | null } | Unparsed> {
  let size = 0;
  let mtimeMs = 0;
  if (cache) {
    // Synchronous: a rebuild stats every article, and a promise-based stat costs many times the
    // system call (a trip through libuv's thread pool).
    const info = statSync(path);
    size = info.size;
    mtimeMs = info.mtimeMs;
    const known = cache.lookupByStat(display, size, mtimeMs);
    if (known) return { parsed: known.parsed };
  }
  const bytes = await readFile(path);
  let hash = "";
  if (cache) {
    hash = hashBytes(bytes);
    const known = cache.lookupByHash(display, hash, size, mtimeMs);
    if (known) return { parsed: known.parsed };
  }
  return { index, display, bytes, size, mtimeMs, hash };
}

/** Decodes and parses one file's bytes; null when they are not UTF-8. */
export function parseArticleBytes(bytes: Uint8Array, display: string, md: MarkdownIt): ParsedArticle | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return parseArticle(text, display, md);
}

/** Files waiting to be parsed, handed out in chunks as the readers add them. */
class ParseQueue {
  private readonly files: Unparsed[] = [];
  private closed = false;
  private waiters: (() => void)[] = [];
  /** Files in the queue or handed out: enough of them brings the other thread in. */
  total = 0;

  add(file: Unparsed): void {
    this.files.push(file);
    this.total++;
    if (this.files.length >= PARSE_CHUNK) this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The next chunk, when there is a whole one or reading is over; null when nothing is left. */
  async take(): Promise<Unparsed[] | null> {
    while (this.files.length < PARSE_CHUNK && !this.closed) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.files.length > 0 ? this.files.splice(0, PARSE_CHUNK) : null;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/**
 * Parses the queued files in chunks taken by this thread and, once a big batch shows up (a first
 * build), by the `parser` too: whoever is free takes the next chunk, so the other thread helps as
 * soon as it can and a batch is never slower than on this thread alone.
 */
async function parseAll(queue: ParseQueue, md: MarkdownIt, parser: ArticleParser | undefined, done: (file: Unparsed, parsed: ParsedArticle | null) => void): Promise<void> {
  let elsewhere: Promise<void> | undefined;
  const helpElsewhere = async (helper: ArticleParser) => {
    for (let chunk = await queue.take(); chunk; chunk = await queue.take()) {
      let parsed: (ParsedArticle | null)[];
      try {
        parsed = await helper.parse(chunk.map(({ display, bytes }) => ({ display, bytes })));
      } catch {
        // The other thread failed: this chunk is parsed here after all.
        parsed = chunk.map((file) => parseArticleBytes(file.bytes, file.display, md));
      }
      chunk.forEach((file, i) => done(file, parsed[i]!));
    }
  };
  for (let chunk = await queue.take(); chunk; chunk = await queue.take()) {
    // Two chunks out at a time, so the other thread has the next while this one reads its answer.
    if (!elsewhere && parser && queue.total >= SHARED_PARSE) elsewhere = Promise.all([helpElsewhere(parser), helpElsewhere(parser)]).then(() => undefined);
    for (const file of chunk) done(file, parseArticleBytes(file.bytes, file.display, md));
    // Let the readers and the other thread's answers in.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await elsewhere;
}
