import { z } from "zod";
import type { ArticleData } from "./article.js";
import { parseArticleDate, type ArticleDate } from "./dates.js";
import { describeValue, type Issue } from "./errors.js";
import { slugify } from "./slugs.js";
import { isRelativeSourceUrl, isSafeLinkUrl } from "./urls.js";

/**
 * The article schema: what a front-matter may hold and how each field is read. Every problem in a
 * file is collected, each with the field, what was found and what is expected.
 */

type FieldIssue = { field: string; reason: string; actual?: string; expected: string; hint?: string };

const FIELD_NAMES = ["title", "date", "updated", "people", "places", "tags", "summary", "byline", "source", "draft", "imported"] as const;

/**
 * Trims and folds runs of whitespace (including newlines and NBSP) into one space. Characters no
 * page, feed or JSON document can carry as text are settled here, once, so every output shows the
 * same thing: control characters are dropped, and NUL, a surrogate without its pair and the
 * non-characters U+FFFE/U+FFFF (which YAML's `"\0"`, `"\uD800"` escapes can produce) become U+FFFD.
 */
export function normalizeName(name: string): string {
  return name
    .replace(/[\u0000\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[\u0001-\u0008\u000E-\u001F\u007F-\u009F]/g, "")
    .replace(/[\s\u00A0\u200B]+/g, " ")
    .trim();
}

function textField(field: string, required: boolean) {
  return z.unknown().transform((value, ctx): string | undefined => {
    if (value === undefined || value === null || value === "") {
      if (required) {
        ctx.addIssue({ code: "custom", message: `\`${field}\` is missing`, params: { actual: "nothing", expected: "text" } });
      }
      return undefined;
    }
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      const text = normalizeName(String(value));
      if (text === "" && required) {
        ctx.addIssue({ code: "custom", message: `\`${field}\` is empty`, params: { actual: describeValue(value), expected: "text" } });
        return undefined;
      }
      return text === "" ? undefined : text;
    }
    ctx.addIssue({
      code: "custom",
      message: `\`${field}\` must be text; got ${describeValue(value)}`,
      params: { actual: describeValue(value), expected: "text" },
    });
    return undefined;
  });
}

function dateField(field: string, required: boolean) {
  return z.unknown().transform((value, ctx): ArticleDate | undefined => {
    if (value === undefined || value === null || value === "") {
      if (required) {
        ctx.addIssue({
          code: "custom",
          message: `\`${field}\` is missing; expected a date like 2024-04-11`,
          params: { actual: "nothing", expected: "YYYY-MM-DD" },
        });
      }
      return undefined;
    }
    const parsed = parseArticleDate(value);
    if (!parsed) {
      ctx.addIssue({
        code: "custom",
        message: `\`${field}\`: ${describeValue(value)} is not a date; expected YYYY-MM-DD (or a date-time with offset like 2024-04-11T09:30:00+02:00)`,
        params: { actual: describeValue(value), expected: "YYYY-MM-DD" },
      });
      return undefined;
    }
    return parsed;
  });
}

/** `people`, `places`, `tags`: a list of names, or one name standing for a one-item list. */
function nameListField(field: string) {
  return z.unknown().transform((value, ctx): string[] => {
    if (value === undefined || value === null || value === "") return [];
    const items = Array.isArray(value) ? value : [value];
    if (!Array.isArray(value) && typeof value === "object") {
      ctx.addIssue({
        code: "custom",
        message: `\`${field}\` must be a list of names; got a mapping`,
        params: { actual: "a mapping", expected: "a list of names" },
      });
      return [];
    }
    const names: string[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const path = Array.isArray(value) ? [index] : [];
      if (typeof item !== "string" && typeof item !== "number") {
        ctx.addIssue({
          code: "custom",
          path,
          message: `\`${field}${Array.isArray(value) ? `[${index}]` : ""}\` must be a name; got ${describeValue(item)}`,
          params: { actual: describeValue(item), expected: "a name" },
        });
        return;
      }
      const name = normalizeName(String(item));
      if (name === "") {
        ctx.addIssue({
          code: "custom",
          path,
          message: `\`${field}${Array.isArray(value) ? `[${index}]` : ""}\` is empty; expected a name`,
          params: { actual: '""', expected: "a name" },
        });
        return;
      }
      // One entity per slug: "José Martí" and "Jose Marti" in one list are one name, the first spelling.
      const key = slugify(name);
      if (!seen.has(key)) {
        seen.add(key);
        names.push(name);
      }
    });
    return names;
  });
}

const SOURCE_URL_EXPECTED = "an http(s) or relative URL";

const sourceField = z.unknown().transform((value, ctx): ArticleData["source"] => {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") {
    // A bare string is the source's name, or its URL when it looks like one.
    const text = normalizeName(value);
    return /^https?:\/\//i.test(text) ? checkedSource(undefined, text, ctx) : { name: text };
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    ctx.addIssue({
      code: "custom",
      message: `\`source\` must be a mapping with \`name\` and \`url\`; got ${describeValue(value)}`,
      params: { actual: describeValue(value), expected: "name and url" },
    });
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const name = typeof record.name === "string" ? normalizeName(record.name) || undefined : undefined;
  if (record.name !== undefined && record.name !== null && typeof record.name !== "string") {
    ctx.addIssue({ code: "custom", path: ["name"], message: `\`source.name\` must be text; got ${describeValue(record.name)}`, params: { actual: describeValue(record.name), expected: "text" } });
  }
  const url = record.url === undefined || record.url === null || record.url === "" ? undefined : record.url;
  if (url !== undefined && typeof url !== "string") {
    ctx.addIssue({ code: "custom", path: ["url"], message: `\`source.url\` must be a URL; got ${describeValue(url)}`, params: { actual: describeValue(url), expected: SOURCE_URL_EXPECTED } });
    return name ? { name } : undefined;
  }
  return checkedSource(name, url, ctx);
});

function checkedSource(name: string | undefined, url: string | undefined, ctx: z.RefinementCtx): ArticleData["source"] {
  if (url !== undefined) {
    const trimmed = url.trim();
    const web = /^https?:\/\/[^\s/]+/i.test(trimmed) && isSafeLinkUrl(trimmed);
    if (!web && !isRelativeSourceUrl(trimmed)) {
      // `example.org/story` is a web address without its scheme far more often than a path.
      const looksLikeHost = /^[a-z0-9-]+(\.[a-z0-9-]+)+(?:[/?#:]|$)/i.test(trimmed);
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message: `\`source.url\`: ${describeValue(url)} is not a web address; expected an http:// or https:// URL, or a relative one starting with /, ./ or ../`,
        params: { actual: describeValue(url), expected: SOURCE_URL_EXPECTED, ...(looksLikeHost ? { hint: `write the whole address, e.g. https://${trimmed}` } : {}) },
      });
      return name ? { name } : undefined;
    }
    return name ? { name, url: trimmed } : { url: trimmed };
  }
  return name ? { name } : undefined;
}

const draftField = z.unknown().transform((value, ctx): boolean => {
  if (value === undefined || value === null || value === "") return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  ctx.addIssue({
    code: "custom",
    message: `\`draft\` must be true or false; got ${describeValue(value)}`,
    params: { actual: describeValue(value), expected: "true or false" },
  });
  return false;
});

const importedField = z.unknown().transform((value): ArticleData["imported"] => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  return {
    ...(typeof record.from === "string" ? { from: record.from } : {}),
    ...(typeof record.sha256 === "string" ? { sha256: record.sha256 } : {}),
  };
});

// Missing optional fields skip their reader; `title` and `date` are checked for presence by
// validateArticle, which can then say "missing" rather than "invalid".
export const articleSchema = z.object({
  title: textField("title", true).optional(),
  date: dateField("date", true).optional(),
  updated: dateField("updated", false).optional(),
  people: nameListField("people").optional(),
  places: nameListField("places").optional(),
  tags: nameListField("tags").optional(),
  summary: textField("summary", false).optional(),
  byline: textField("byline", false).optional(),
  source: sourceField.optional(),
  draft: draftField.optional(),
  imported: importedField.optional(),
});

export type ValidationResult =
  | { ok: true; data: ArticleData; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

const KNOWN_TYPOS: Record<string, string> = {
  tag: "tags", person: "people", persons: "people", place: "places", location: "places", locations: "places",
  author: "byline", description: "summary", excerpt: "summary", modified: "updated", published: "date",
};

/**
 * Validates one article's front-matter. `fieldLines` (from front-matter.ts) lets each issue point
 * at the line of its field.
 */
export function validateArticle(data: Record<string, unknown>, file: string, fieldLines: ReadonlyMap<string, number> = new Map()): ValidationResult {
  const result = articleSchema.safeParse(data);
  const warnings: Issue[] = [];
  const missing: Issue[] = [];
  for (const [field, expected] of [["title", "text"], ["date", "YYYY-MM-DD"]] as const) {
    const value = data[field];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      missing.push({
        file,
        ...lineOf(fieldLines, field),
        severity: "error",
        field,
        reason: `\`${field}\` is missing; expected ${field === "date" ? "a date like 2024-04-11" : "the article's headline"}`,
        ruleId: `article-schema:${field}`,
        actual: "nothing",
        expected,
      });
    }
  }
  for (const key of Object.keys(data)) {
    const suggestion = KNOWN_TYPOS[key];
    if (suggestion && !(suggestion in data)) {
      warnings.push({
        file,
        ...lineOf(fieldLines, key),
        severity: "warning",
        field: key,
        reason: `\`${key}\` is not a Dateline field and is ignored; did you mean \`${suggestion}\`?`,
        ruleId: "article-schema:unknown-field",
        actual: key,
        expected: suggestion,
      });
    }
  }
  if (result.success && missing.length === 0) {
    const d = result.data;
    const article: ArticleData = {
      title: d.title as string,
      date: d.date as ArticleDate,
      people: d.people ?? [],
      places: d.places ?? [],
      tags: d.tags ?? [],
      draft: d.draft ?? false,
      ...(d.updated ? { updated: d.updated } : {}),
      ...(d.summary ? { summary: d.summary } : {}),
      ...(d.byline ? { byline: d.byline } : {}),
      ...(d.source ? { source: d.source } : {}),
      ...(d.imported ? { imported: d.imported } : {}),
    };
    return { ok: true, data: article, warnings };
  }
  // A missing title or date is reported once, by the presence check above.
  const missingFields = new Set(missing.map((issue) => issue.field));
  const zodIssues = (result.success ? [] : result.error.issues).filter((zodIssue) => !missingFields.has(String(zodIssue.path[0] ?? "")));
  const issues: Issue[] = zodIssues.map((zodIssue) => {
    const top = String(zodIssue.path[0] ?? "");
    const field = zodIssue.path
      .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
      .join("");
    const params = (zodIssue as { params?: { actual?: string; expected?: string; hint?: string } }).params ?? {};
    const fieldIssue: FieldIssue = {
      field,
      reason: zodIssue.message,
      ...(params.actual !== undefined ? { actual: params.actual } : {}),
      expected: params.expected ?? "",
      ...(params.hint !== undefined ? { hint: params.hint } : {}),
    };
    return {
      file,
      ...lineOf(fieldLines, top),
      severity: "error" as const,
      field: fieldIssue.field,
      reason: fieldIssue.reason,
      ruleId: `article-schema:${FIELD_NAMES.includes(top as (typeof FIELD_NAMES)[number]) ? top : "field"}`,
      ...(fieldIssue.actual !== undefined ? { actual: fieldIssue.actual } : {}),
      expected: fieldIssue.expected,
      ...(top === "date" || top === "updated" ? { hint: "write the day as YYYY-MM-DD; it is shown as written, whatever the time zone" } : {}),
      ...(fieldIssue.hint !== undefined ? { hint: fieldIssue.hint } : {}),
    };
  });
  return { ok: false, issues: [...missing, ...issues, ...warnings] };
}

function lineOf(fieldLines: ReadonlyMap<string, number>, field: string): { line?: number; column?: number } {
  const line = fieldLines.get(field);
  return line === undefined ? {} : { line, column: 1 };
}
