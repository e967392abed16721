import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LineCounter, parseDocument, isMap, isScalar } from "yaml";
import { z } from "zod";
import { ConfigFileError, describeValue, type Issue } from "./errors.js";
import { normalizePathPrefix } from "./urls.js";

/** Site settings: `content/site.yaml`, every field optional. README › Settings documents each one. */
export interface SiteSettings {
  readonly title: string;
  readonly description: string;
  /** BCP 47 language tag for `<html lang>` and feeds. */
  readonly language: string;
  /** Absolute origin the site is served from (`https://news.example.org/`), for feeds, sitemap and canonical links. */
  readonly baseUrl: string;
  /** `/` or `/sub/path/`: where on the host the site lives. */
  readonly pathPrefix: string;
  /** Articles per listing page (front page, person, place, tag, year, month). */
  readonly perPage: number;
  /** Articles in each feed. */
  readonly feedLength: number;
  /** Whether person, place and tag feeds carry each article's whole text or only its summary. */
  readonly termFeedContent: "summary" | "full";
  /** Publisher shown in feeds and news metadata. */
  readonly publisher: string;
}

export const SETTINGS_FILE = "site.yaml";

export const DEFAULT_SETTINGS: SiteSettings = {
  title: "Dateline",
  description: "A news archive",
  language: "en",
  baseUrl: "http://localhost:8080/",
  pathPrefix: "/",
  perPage: 20,
  feedLength: 50,
  termFeedContent: "summary",
  publisher: "Dateline",
};

/** What each field must be, as the messages say it. */
const EXPECTED: Record<keyof SiteSettings, string> = {
  title: "non-empty text",
  description: "text",
  language: "a language tag like en or en-GB",
  baseUrl: "an absolute http(s) URL of the site's origin, like https://news.example.org/",
  pathPrefix: 'a path like /archive/: letters, digits, - _ . ~ and /, with no empty, "." or ".." segment',
  perPage: "a whole number from 1 to 1000",
  feedLength: "a whole number from 1 to 10000",
  termFeedContent: 'either "summary" or "full"',
  publisher: "non-empty text",
};

const HINTS: Partial<Record<keyof SiteSettings, string>> = {
  baseUrl: "put only the origin here; a site hosted under a sub-path sets `pathPrefix: /archive/` as well",
  pathPrefix: "or build with `npm run build -- --pathprefix=/archive/`",
};

const text = (field: keyof SiteSettings) => z.string({ error: `\`${field}\` must be ${EXPECTED[field]}` });
const wholeNumber = (field: keyof SiteSettings, max: number) => {
  const message = `\`${field}\` must be ${EXPECTED[field]}`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(max, message);
};

const settingsSchema = z
  .object({
    title: text("title").trim().min(1, "`title` must be non-empty text"),
    description: text("description").trim(),
    language: text("language").regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "`language` must be a language tag like en or en-GB"),
    baseUrl: text("baseUrl")
      .refine((v) => /^https?:\/\/[^/\s]+/i.test(v) && URL.canParse(v), `\`baseUrl\` must be ${EXPECTED.baseUrl}`)
      .refine((v) => !URL.canParse(v) || isOriginOnly(new URL(v)), "`baseUrl` must be the site's origin alone, with no path, query or fragment"),
    pathPrefix: text("pathPrefix").refine(isValidPathPrefix, `\`pathPrefix\` must be ${EXPECTED.pathPrefix}`),
    perPage: wholeNumber("perPage", 1000),
    feedLength: wholeNumber("feedLength", 10000),
    termFeedContent: z.enum(["summary", "full"], { error: `\`termFeedContent\` must be ${EXPECTED.termFeedContent}` }),
    publisher: text("publisher").trim().min(1, "`publisher` must be non-empty text"),
  })
  .partial()
  .strict();

/** What a path prefix must be, as messages say it (the setting and the `--pathprefix` flag). */
export const PATH_PREFIX_EXPECTED = EXPECTED.pathPrefix;

/**
 * The one rule for a path prefix, whether it comes from `site.yaml` or `--pathprefix`. It ends up
 * inside every link and file URL, so only characters that need no escaping in a path are allowed,
 * and no `.`/`..` or empty segment that a browser or server would collapse into another path.
 */
export function isValidPathPrefix(value: string): boolean {
  if (!/^[A-Za-z0-9._~\-/]*$/.test(value)) return false;
  const inner = value.replace(/^\/+|\/+$/g, "");
  return inner === "" || !inner.split("/").some((part) => part === "" || part === "." || part === "..");
}

/**
 * The `--pathprefix` flag of `npm run build` and `npm start` follows the setting's rule; returns
 * the message to print when it does not (flag, value, what is expected), else undefined.
 */
export function checkPathPrefixFlag(value: string): string | undefined {
  if (isValidPathPrefix(value)) return undefined;
  return `--pathprefix: ${describeValue(value)} is not a path prefix; expected ${PATH_PREFIX_EXPECTED}`;
}

function isOriginOnly(url: URL): boolean {
  return (url.pathname === "/" || url.pathname === "") && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
}

/** Reads and validates `content/site.yaml`; a missing file means every default. */
export async function loadSettings(contentDir: string, displayDir = contentDir): Promise<SiteSettings> {
  const file = join(contentDir, SETTINGS_FILE);
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_SETTINGS;
    throw error;
  }
  return parseSettings(source, join(displayDir, SETTINGS_FILE));
}

/**
 * Validates the settings file's text. Every problem is reported at once, each with the line of its
 * field, what was found and what is expected; `ConfigFileError` carries them as `Issue`s.
 */
export function parseSettings(source: string, file: string): SiteSettings {
  const lines = new LineCounter();
  // Failsafe schema: every value is read as text first, so `title: 1984` is a title, not a number,
  // and numbers are checked (with the line) by the schema below.
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: "failsafe" });
  if (doc.errors.length > 0) {
    throw new ConfigFileError(
      doc.errors.map((error) => ({
        file,
        line: error.linePos?.[0].line ?? 1,
        column: error.linePos?.[0].col ?? 1,
        severity: "error" as const,
        field: "",
        reason: `not valid YAML: ${error.message.split("\n")[0]}`,
        ruleId: "settings:yaml",
      })),
    );
  }
  const value: unknown = doc.toJS() ?? {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigFileError([
      {
        file,
        line: 1,
        column: 1,
        severity: "error",
        field: "",
        reason: `the settings file must be a mapping of \`name: value\` lines; got ${describeValue(value)}`,
        ruleId: "settings:shape",
        actual: describeValue(value),
        expected: "a mapping",
      },
    ]);
  }
  const record = value as Record<string, unknown>;
  const fieldLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) fieldLines.set(String(item.key.value), lines.linePos(item.key.range[0]).line);
    }
  }
  const result = settingsSchema.safeParse(record);
  if (!result.success) {
    const issues: Issue[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const likely = Object.keys(EXPECTED).find((name) => squash(name) === squash(key));
          issues.push({
            file,
            ...lineOf(fieldLines, key),
            severity: "error",
            field: key,
            reason: `unknown setting \`${key}\`; expected one of: ${Object.keys(EXPECTED).join(", ")}`,
            ruleId: "settings:unknown",
            actual: key,
            expected: Object.keys(EXPECTED).join(", "),
            ...(likely ? { hint: `did you mean \`${likely}\`?` } : {}),
          });
        }
        continue;
      }
      const field = issue.path.map(String).join(".") as keyof SiteSettings;
      const found = describeValue(record[field]);
      const hint = HINTS[field];
      issues.push({
        file,
        ...lineOf(fieldLines, field),
        severity: "error",
        field,
        reason: `${issue.message}; got ${found}`,
        ruleId: `settings:${field}`,
        actual: found,
        expected: EXPECTED[field] ?? "",
        ...(hint ? { hint } : {}),
      });
    }
    issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ConfigFileError(issues);
  }
  const data = result.data;
  return {
    title: data.title ?? DEFAULT_SETTINGS.title,
    description: data.description ?? DEFAULT_SETTINGS.description,
    language: data.language ?? DEFAULT_SETTINGS.language,
    baseUrl: data.baseUrl ? new URL(data.baseUrl).origin + "/" : DEFAULT_SETTINGS.baseUrl,
    pathPrefix: normalizePathPrefix(data.pathPrefix),
    perPage: data.perPage ?? DEFAULT_SETTINGS.perPage,
    feedLength: data.feedLength ?? DEFAULT_SETTINGS.feedLength,
    termFeedContent: data.termFeedContent ?? DEFAULT_SETTINGS.termFeedContent,
    publisher: data.publisher ?? data.title ?? DEFAULT_SETTINGS.publisher,
  };
}

/** `base_url`, `BaseURL` and `baseurl` all point at `baseUrl`. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function lineOf(fieldLines: ReadonlyMap<string, number>, field: string): { line?: number; column?: number } {
  const line = fieldLines.get(field);
  return line === undefined ? {} : { line, column: 1 };
}
