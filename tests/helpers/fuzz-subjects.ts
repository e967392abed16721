import { validateArticle } from "../../src/article-schema.js";
import { extractEntities } from "../../src/entities/extract.js";
import { DatelineError, formatIssues, type Issue } from "../../src/errors.js";
import { readArticleSource } from "../../src/front-matter.js";
import { prepareArticle } from "../../src/importer/prepare-article.js";
import { parseRawArticle, RawArticleError } from "../../src/importer/raw-article.js";
import { renderArticleMarkdown } from "../../src/importer/to-markdown.js";
import { parseArticle } from "../../src/load-articles.js";
import { createMarkdown } from "../../src/markdown.js";
import { slugify } from "../../src/slugs.js";
import { articleUrl, outputPathForUrl, termUrl } from "../../src/urls.js";

/**
 * The functions that read untrusted input, each wrapped to say how it ended: `ok`, `refused` (with
 * Dateline's own error or issues naming the file), or `bad` (anything else: a foreign exception,
 * an issue without the file, an unsafe result). Run inside a worker by `guarded-runner.ts`.
 */
export type Outcome = { kind: "ok" | "refused"; detail?: string } | { kind: "bad"; detail: string };

export const FUZZ_FILE = "content/fuzz/input.md";
const md = createMarkdown();

function checkIssues(issues: readonly Issue[], file: string): Outcome {
  for (const issue of issues) {
    if (issue.file !== file) return { kind: "bad", detail: `issue names ${JSON.stringify(issue.file)}, not the file: ${issue.reason}` };
    if (!/^[a-z-]+:[a-z-]+$/.test(issue.ruleId)) return { kind: "bad", detail: `rule id ${JSON.stringify(issue.ruleId)}` };
    if (typeof issue.reason !== "string" || issue.reason.trim() === "") return { kind: "bad", detail: "issue without a reason" };
    if (issue.severity !== "error" && issue.severity !== "warning") return { kind: "bad", detail: `severity ${String(issue.severity)}` };
  }
  const text = formatIssues(issues);
  if (issues.length > 0 && !text.includes(file)) return { kind: "bad", detail: "formatted issues do not name the file" };
  return { kind: "refused", detail: issues.map((i) => i.ruleId).join(" ") };
}

/** Markup Dateline renders from article text may hold no script, handler or foreign scheme. */
function checkMarkup(html: string): Outcome | null {
  if (html.includes("\u0000")) return { kind: "bad", detail: "NUL in rendered HTML" };
  if (/<(script|iframe|object|embed|style)\b/i.test(html)) return { kind: "bad", detail: `raw element in ${html.slice(0, 200)}` };
  for (const tag of html.match(/<[a-z][^<>]*>/gi) ?? []) {
    const blanked = tag.replace(/"[^"]*"/g, '""');
    if (/\son[a-z]+\s*=/i.test(blanked)) return { kind: "bad", detail: `handler in ${tag}` };
    for (const [, url] of tag.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const decoded = url!.replace(/&amp;/g, "&").replace(/&quot;/g, '"');
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded.replace(/[\u0000-\u0020]/g, ""));
      if (scheme && !/^https?$/i.test(scheme[1]!)) return { kind: "bad", detail: `link ${url}` };
    }
  }
  return null;
}

function refusedOrBad(error: unknown, file: string): Outcome {
  if (error instanceof RawArticleError) {
    return error.file === file && error.message.includes(file) ? { kind: "refused", detail: error.rule } : { kind: "bad", detail: `error does not name the file: ${error.message}` };
  }
  if (error instanceof DatelineError) {
    return error.message.includes(file) ? { kind: "refused", detail: error.name } : { kind: "bad", detail: `error does not name the file: ${error.message}` };
  }
  return { kind: "bad", detail: `unexpected ${(error as Error)?.stack ?? String(error)}` };
}

export const SUBJECTS = {
  readArticleSource(text: string): Outcome {
    const source = readArticleSource(text, FUZZ_FILE);
    return source.issues.length > 0 ? checkIssues(source.issues, FUZZ_FILE) : { kind: "ok" };
  },

  validateArticle(data: Record<string, unknown>): Outcome {
    const result = validateArticle(data, FUZZ_FILE);
    if (!result.ok) return checkIssues(result.issues, FUZZ_FILE);
    const { title, people, places, tags } = result.data;
    for (const name of [title, ...people, ...places, ...tags]) {
      if (typeof name !== "string" || name.trim() === "") return { kind: "bad", detail: `accepted an empty name ${JSON.stringify(name)}` };
    }
    // An accepted source is a web address, or a relative URL that stays on the site it is read on.
    const url = result.data.source?.url;
    if (url !== undefined && !/^https?:\/\//i.test(url) && (/^[a-z][a-z0-9+.-]*:/i.test(url) || new URL(url, "https://site.example/2024/01/01/a/").origin !== "https://site.example")) {
      return { kind: "bad", detail: `accepted source.url ${url}` };
    }
    return { kind: "ok" };
  },

  parseArticle(text: string): Outcome {
    const parsed = parseArticle(text, FUZZ_FILE, md);
    if (!parsed.ok) return checkIssues(parsed.issues, FUZZ_FILE);
    return checkMarkup(parsed.article.body.html) ?? { kind: "ok" };
  },

  slugify(text: string): Outcome {
    const slug = slugify(text);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 80) return { kind: "bad", detail: `slug ${JSON.stringify(slug)}` };
    if (slugify(text) !== slug) return { kind: "bad", detail: "unstable slug" };
    const path = outputPathForUrl(articleUrl("2024-01-01", slug));
    if (path !== `2024/01/01/${slug}/index.html`) return { kind: "bad", detail: `path ${path}` };
    if (outputPathForUrl(termUrl("people", slug)) !== `people/${slug}/index.html`) return { kind: "bad", detail: "term path" };
    return { kind: "ok" };
  },

  parseRawArticle(input: string | Uint8Array): Outcome {
    try {
      const raw = parseRawArticle(input, FUZZ_FILE);
      if (raw.paragraphs.length === 0 || raw.paragraphs.some((p) => p.trim() === "")) return { kind: "bad", detail: "empty paragraph accepted" };
      return { kind: "ok" };
    } catch (error) {
      return refusedOrBad(error, FUZZ_FILE);
    }
  },

  extractEntities(text: string): Outcome {
    const found = extractEntities(text);
    for (const name of [...found.people, ...found.places]) {
      if (typeof name !== "string" || name.trim() === "" || name.includes("\u0000")) return { kind: "bad", detail: `name ${JSON.stringify(name)}` };
    }
    return { kind: "ok" };
  },

  /** The whole importer path for one file: whatever it accepts, the build must accept too. */
  importArticle(input: Uint8Array): Outcome {
    const prepared = prepareArticle(input, FUZZ_FILE);
    if (!prepared.ok) {
      if (prepared.reason.includes("import:internal")) return { kind: "bad", detail: prepared.reason };
      return prepared.reason.includes(FUZZ_FILE) ? { kind: "refused" } : { kind: "bad", detail: `reason does not name the file: ${prepared.reason}` };
    }
    const markdown = renderArticleMarkdown({
      title: prepared.title,
      date: prepared.day,
      summary: prepared.summary,
      people: prepared.people,
      places: prepared.places,
      tags: [],
      body: prepared.body,
      imported: { from: "raw/input.txt", sha256: prepared.sha256 },
    });
    const parsed = parseArticle(markdown, FUZZ_FILE, md);
    if (!parsed.ok) return { kind: "bad", detail: `the importer wrote an article the build refuses:\n${formatIssues(parsed.issues)}\n${markdown.slice(0, 600)}` };
    return checkMarkup(parsed.article.body.html) ?? { kind: "ok" };
  },
} satisfies Record<string, (input: never) => Outcome>;

export type SubjectName = keyof typeof SUBJECTS;
/** What the fuzz worker runs: the subjects, and the harness's own pollution check. */
export type RunnableName = SubjectName | "pollutePrototype" | "burnCpu";

/**
 * Not a subject under test: it sets `Object.prototype[key]`, so a test can see that the worker
 * notices a polluted prototype (and that such a check cannot pass vacuously).
 */
export function pollutePrototype(key: string): Outcome {
  (Object.prototype as Record<string, unknown>)[key] = "polluted";
  return { kind: "ok" };
}

/**
 * Not a subject under test either: it keeps the CPU busy for as many milliseconds as the input
 * has characters, so a test can see the runner call an input slow (and the limit cannot pass
 * vacuously).
 */
export function burnCpu(input: string): Outcome {
  const until = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(until);
    if ((used.user + used.system) / 1000 >= input.length) return { kind: "ok" };
  }
}
